import './kernel/fs-guard-install.js';
import { writeSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { EXIT_USAGE } from './kernel/exit-codes.js';
import { writeErr } from './kernel/output.js';
import { FatalError, UsageError } from './kernel/errors.js';
import { EXIT_CODES_HELP } from './kernel/options.js';
import { credcheckVersion } from './kernel/version.js';
import { wrapHelp } from './kernel/wrap-help.js';
import { COMMANDS } from './commands/index.js';
import { AREA_ENTRIES } from './areas/index.js';
import { armDeadline } from './kernel/deadline.js';
import { parseDuration } from './kernel/duration.js';
import { checkEnvValues } from './sdk/env-values.js';

/**
 * Hard wall-clock deadlines (kernel/deadline.ts), above each command's own budgets: they fire only
 * when a step that should be bounded is not. watch runs until stopped; doctor's follows --timeout.
 */
// Generous on purpose: they are wall-clock, and a host under heavy load (measured: 10× slower
// than idle) must not turn a slow-but-bounded run into an error. Their job is to end a hang.
const HARD_DEADLINE_MS: Record<string, number> = { preflight: 60_000, explain: 30_000 };
/** Every area's own command (file, chain, identity, clock, imds, and any new one). */
const AREA_COMMAND_HARD_DEADLINE_MS = 60_000;
const DOCTOR_GRACE_MS = 20_000;

function hardDeadlineFor(name: string, opts: Record<string, unknown>): number | undefined {
  if (name === 'doctor') {
    try {
      return parseDuration(String(opts.timeout ?? '3s'), '--timeout') + DOCTOR_GRACE_MS;
    } catch {
      return undefined; // the command reports the usage error itself
    }
  }
  return HARD_DEADLINE_MS[name] ?? (AREA_ENTRIES.some((e) => e.command?.name === name) ? AREA_COMMAND_HARD_DEADLINE_MS : undefined);
}

/**
 * commander wiring only. Each command module defines its flags and help, and imports its
 * implementation lazily in its action, so `--version` and `--help` load no AWS SDK.
 */
function buildProgram(): Command {
  const program = new Command('credcheck')
    .description('A doctor for AWS credentials: which source supplies them, whose they are, when they expire, whether the clock and metadata service are right, and what to do about it.')
    .version(credcheckVersion(), '-V, --version')
    .showSuggestionAfterError()
    .addHelpText(
      'after',
      `
Examples:
  $ credcheck doctor                  the whole diagnosis, on a failing host
  $ credcheck file --profile dev      what the SDK really reads from ~/.aws files
  $ credcheck explain CC1001          the page for one finding code
${EXIT_CODES_HELP}

Environment: NO_COLOR / FORCE_COLOR control colour; every endpoint credcheck talks to can be
overridden (AWS_ENDPOINT_URL_STS, AWS_EC2_METADATA_SERVICE_ENDPOINT, CREDCHECK_NTP_SERVERS, ...).`,
    );
  for (const make of COMMANDS) program.addCommand(make());
  program.hook('preAction', async (thisCommand, action) => {
    const ms = hardDeadlineFor(action.name(), action.opts());
    if (ms !== undefined) armDeadline(action.name(), ms);
    if (action.name() !== 'explain') checkEnvValues(process.env);
    await prepareOutput(thisCommand, action);
  });
  const width = process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 80;
  for (const cmd of [program, ...program.commands]) {
    cmd.exitOverride();
    cmd.configureHelp({ helpWidth: width });
    cmd.configureOutput({ writeOut: (str) => process.stdout.write(wrapHelp(str, width)) });
  }
  return program;
}

/**
 * Before any command runs: the exit learns what it may print (key ids in full? colour codes?),
 * and every secret the SDK or the CI runner hands over unasked (env, token files, SSO cache) is
 * registered, so no echo of one can reach the output. Loaded lazily: --version stays light.
 */
async function prepareOutput(_program: Command, action: Command): Promise<void> {
  const opts = action.opts() as { showKeyIds?: boolean; color?: boolean };
  const [{ setShowKeyIds }, { setColorAllowed }, { decideColor }, inputs] = await Promise.all([
    import('./kernel/shapes.js'),
    import('./kernel/sanitize.js'),
    import('./kernel/style.js'),
    import('./sdk/secret-inputs.js'),
  ]);
  setShowKeyIds(Boolean(opts.showKeyIds));
  setColorAllowed(decideColor(opts.color, process.env, Boolean(process.stdout.isTTY)));
  inputs.registerEnvSecrets(process.env);
  if (action.name() !== 'explain') await inputs.registerFileSecrets(process.env);
}

function debugRequested(argv: string[]): boolean {
  return argv.includes('--debug');
}

async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander's exitOverride; they are successes to users.
      const ok = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
      process.exitCode = ok ? 0 : EXIT_USAGE;
      return;
    }
    const message = (error as Error)?.message ?? String(error);
    if (error instanceof UsageError || error instanceof FatalError) {
      await writeErr(`credcheck: ${message}\n`);
    } else {
      await writeErr(`credcheck: internal error: ${message}\n`);
    }
    if (debugRequested(argv) && error instanceof Error && error.stack) {
      await writeErr(`${error.stack}\n`);
    } else if (!(error instanceof UsageError)) {
      await writeErr('(re-run with --debug for details)\n');
    }
    process.exitCode = EXIT_USAGE;
  }
}

/**
 * credcheck itself prints only through writeOut/writeErr. Anything on console.* comes from a
 * library (the SDK's "request exceeded requestTimeout" warning, its Node-version notice): noise
 * for users, and a path around secret scrubbing. Shown, scrubbed, only with --debug.
 */
function quietLibraryConsole(debug: boolean): void {
  const sink = (...args: unknown[]) => {
    if (debug) void writeErr(`[library] ${args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ')}\n`);
  };
  console.log = console.info = console.warn = console.error = console.debug = console.trace = sink;
}

// `credcheck --help | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

quietLibraryConsole(debugRequested(process.argv));

process.on('unhandledRejection', (reason) => {
  // A stray rejection from a library must not print a stack trace or leave a wrong exit code.
  void writeErr(`credcheck: internal error: ${(reason as Error)?.message ?? String(reason)}\n`).then(() => process.exit(EXIT_USAGE));
});

/**
 * No silent exits: if the event loop runs dry while a command is still awaiting something that can
 * never settle (a forgotten SDK promise), Node would exit with nothing printed (13 under a
 * top-level await, 0 without one). 'beforeExit' fires only then, never on an explicit exit.
 */
let mainSettled = false;
process.on('beforeExit', () => {
  if (mainSettled) return;
  try {
    writeSync(2, 'credcheck: internal error: a step was left waiting on something that can never finish, so nothing could be reported (re-run with --debug and report it)\n');
  } catch {
    // stderr closed: the exit code still says it
  }
  process.exit(EXIT_USAGE);
});

// Not a top-level await: the single executable's bundle is CommonJS, which has none.
void main(process.argv).finally(() => {
  mainSettled = true;
});
