import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { basename } from 'node:path';
import { locateFile } from '../files/locate.js';
import type { ProcessFacts, ProcessInfo } from './facts.js';
import { parseEnviron } from './environ.js';
import { KNOWN_AGENTS } from './patterns.js';
import { inspectProcess, newScanCache } from './probe.js';
import { allPids, readSmall } from './pids.js';
import { MAX_ENVIRON, procRoot, readCmdline } from './proc.js';
import { exeName } from './runtime/view.js';

/** Variables that mean "this process was configured for AWS". */
const AWS_VARS = ['AWS_ACCESS_KEY_ID', 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_CONFIG_FILE', 'AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI'];
const INTERPRETER = /^(python\d*(\.\d+)?|ruby[\d.]*|node(js)?|java)$/;
const MAX_FDS = 256;
/** Common programs that never carry an AWS SDK: not worth an ELF read. */
const NOT_SDK = /^(bash|sh|dash|zsh|fish|sshd|systemd.*|sleep|cat|tail|less|vim?|login|agetty|cron|dbus-daemon|tmux.*|screen|ps|top|journalctl)$/;
const CONCURRENCY = 64;

async function pool<T>(items: T[], fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
}

/** An open descriptor on a shared credentials or config file (SDKs close them, agents may not). */
function holdsCredentialFile(root: string, pid: number, paths: Set<string>): boolean {
  let fds: string[];
  try {
    fds = readdirSync(`${root}/${pid}/fd`).slice(0, MAX_FDS);
  } catch {
    return false;
  }
  for (const fd of fds) {
    let target: string | undefined;
    try {
      target = readlinkSync(`${root}/${pid}/fd/${fd}`);
    } catch {
      continue;
    }
    if (paths.has(target) || /\/\.aws\/(credentials|config)$/.test(target)) return true;
  }
  return false;
}

/**
 * The triage reads are synchronous: thousands of tiny /proc reads through the thread pool cost
 * ~10× more than direct calls. They run in slices with a yield between, so other probes progress.
 */
const SLICE = 100;

/**
 * `doctor --processes`: every process on the host that uses AWS credentials — AWS_* variables,
 * an open credentials file, a known agent, or an interpreter/Go binary with an AWS SDK whose HOME
 * has a credentials file — inspected as `--pid` would. Two small reads decide for most processes.
 */
export async function scanHost(env: NodeJS.ProcessEnv = process.env): Promise<ProcessFacts> {
  const started = performance.now();
  const root = procRoot(env);
  const pids = await allPids(root);
  const candidates: number[] = [];
  const denied: string[] = [];
  let notPermitted = 0;
  const credsExist = new Map<string, boolean>();
  const triage = (pid: number): void => {
    const cmd = readSmall(`${root}/${pid}/cmdline`, 128 * 1024).text;
    const argv = cmd?.split('\0').filter(Boolean);
    if (!argv || argv.length === 0) return; // kernel thread, or gone
    const environ = readSmall(`${root}/${pid}/environ`, MAX_ENVIRON);
    const line = argv.join(' ');
    const agent = KNOWN_AGENTS.some((k) => k.match.test(line));
    if (environ.text === undefined) {
      if (environ.code === 'EACCES' || environ.code === 'EPERM') {
        notPermitted++;
        if (agent) candidates.push(pid);
        else if (denied.length < 5) denied.push(`PID ${pid} ${basename(argv[0] ?? '')}`);
      }
      return;
    }
    const procEnv = parseEnviron(environ.text);
    if (agent || AWS_VARS.some((v) => procEnv[v] !== undefined)) return void candidates.push(pid);
    // Shells and the like neither hold credential files open nor carry an SDK: no more reads.
    const name = exeName({ root, pid, argv, fsPrefix: '', maps: '' });
    if (!INTERPRETER.test(name) && NOT_SDK.test(name)) return;
    const creds = locateFile('credentials', procEnv).path;
    if (holdsCredentialFile(root, pid, new Set([creds]))) return void candidates.push(pid);
    // Interpreters and Go programs: inspected only when their HOME has credentials to cache.
    if (!credsExist.has(creds)) credsExist.set(creds, existsSync(creds));
    if (credsExist.get(creds)) candidates.push(pid);
  };
  for (let i = 0; i < pids.length; i += SLICE) {
    for (const pid of pids.slice(i, i + SLICE)) triage(pid);
    await new Promise((r) => setImmediate(r));
  }
  const cache = newScanCache();
  const inspected = await Promise.all(candidates.sort((a, b) => a - b).map((pid) => inspectProcess(pid, env, cache)));
  // A process of another user whose SDK could not be seen is kept only when it is a known agent.
  const processes: ProcessInfo[] = inspected.filter((p) => p.status !== 'not-found' && (p.status !== 'ok' || p.patterns.length > 0 || usesAws(p)));
  return {
    processes,
    scan: { total: pids.length, notPermitted, notPermittedExamples: denied, using: processes.length, elapsedMs: Math.round(performance.now() - started) },
  };
}

/** After inspection: keep the ones with AWS variables, an AWS SDK, or a known agent. */
function usesAws(p: ProcessInfo): boolean {
  return p.env.some((v) => AWS_VARS.includes(v.name)) || Boolean(p.runtime?.sdkName) || p.patterns.some((x) => KNOWN_AGENTS.some((k) => k.id === x.id));
}
