import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, type CliResult } from '../helpers/cli.js';
import { assertNoSecrets, CANARY } from '../helpers/home.js';
import { canaryEnvKeys, makeCanaryWorld } from '../helpers/canary-world.js';
import { snapshotTree } from '../helpers/snapshot.js';

/**
 * The trust suite: every command, every output format, success and failure paths, with --debug:
 * no canary secret (nor its base64/URL encoding) in any output, nothing written to the files
 * inspected, and no stack trace without --debug. Commands are listed once here, so a new command
 * is covered by adding one line.
 */
export const INVOCATIONS: string[][] = [
  ['file'],
  ['file', '--profile', 'proc'],
  ['file', '--profile', 'missing-profile'],
  ['doctor', '--offline'],
  ['doctor', '--offline', '--profile', 'badproc'],
  ['doctor', '--pid', String(process.pid)],
  ['chain', '--offline'],
  ['chain', '--offline', '--profile', 'badproc'],
  ['preflight', '--offline', '--min-ttl', '1h'],
  ['preflight', '--offline', '--format', 'github'],
  ['preflight', '--offline', '--format', 'junit'],
  ['explain', 'CC1001'],
  ['watch', '--for', '1s', '--show-key-ids'],
];

const FORMATS: string[][] = [[], ['--json'], ['--debug'], ['--json', '--debug'], ['--verbose', '--show-key-ids']];

function formatsFor(args: string[]): string[][] {
  if (args[0] === 'explain') return [[]];
  if (args[0] === 'watch') return [[], ['--json'], ['--json', '--debug']];
  // --format picks the output already; --json beside it is a usage error (tested elsewhere).
  if (args.includes('--format')) return [[], ['--debug'], ['--verbose', '--show-key-ids']];
  return FORMATS;
}

function assertNoStackTrace(result: CliResult, args: string[]): void {
  if (args.includes('--debug')) return;
  assert.doesNotMatch(result.stderr + result.stdout, /\n\s+at .+\(.+:\d+:\d+\)/, `stack trace printed for ${args.join(' ')}`);
}

for (const envKind of ['files', 'env-keys'] as const) {
  test(`no secret leaves and nothing is written: every command × format (${envKind})`, async () => {
    const world = makeCanaryWorld();
    const env = envKind === 'env-keys' ? { ...world.env, ...canaryEnvKeys() } : world.env;
    const before = snapshotTree(world.home);
    for (const args of INVOCATIONS) {
      for (const format of formatsFor(args)) {
        const all = [...args, ...format];
        const result = await runCli(all, env);
        assert.ok(result.code === 0 || result.code === 1, `${all.join(' ')} exited ${result.code}: ${result.stderr}`);
        assertNoSecrets(result.stdout + result.stderr, [...Object.values(CANARY), world.jwt, world.jwt.split('.')[1]!]);
        assertNoStackTrace(result, all);
        // watch streams NDJSON (one object per line); every other command prints one object.
        const docs = args[0] === 'watch' ? result.stdout.trim().split('\n') : [result.stdout];
        if (format.includes('--json')) for (const doc of docs) assert.doesNotThrow(() => JSON.parse(doc), `${all.join(' ')} --json output is not JSON`);
      }
    }
    assert.deepEqual(snapshotTree(world.home), before, 'a command wrote into the inspected home directory');
  });
}
