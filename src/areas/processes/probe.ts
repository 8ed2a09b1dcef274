import { stat } from 'node:fs/promises';
import { locateFile } from '../files/locate.js';
import { registerSecret } from '../../kernel/secrets.js';
import { redactUrl } from '../../kernel/userinfo.js';
import type { ProcessFacts, ProcessFileView, ProcessInfo } from './facts.js';
import { parseEnviron, relevantEnv } from './environ.js';
import { detectPatterns } from './patterns.js';
import { exePath, exists, processStart, processUid, procRoot, readCmdline, readEnviron, userName } from './proc.js';
import { applySdkModel } from './model.js';
import { identifyRuntime } from './runtime/identify.js';
import { readHead } from './runtime/bounded.js';
import { MAX_MAPS, readCwd, type ProcView } from './runtime/view.js';

/** argv with anything after a secret-looking flag dropped: command lines can carry keys. */
export function safeCommand(argv: string[]): string {
  const out: string[] = [];
  for (let i = 0; i < argv.length && out.length < 6; i++) {
    const arg = argv[i] ?? '';
    if (/secret|token|password|key/i.test(arg)) {
      out.push(arg.includes('=') ? `${arg.split('=')[0]}=…` : arg);
      if (!arg.includes('=')) {
        registerSecret(argv[i + 1]);
        i++;
      }
      continue;
    }
    out.push(redactUrl(arg)); // `-x http://user:pw@proxy`, `--endpoint https://u:pw@host`
  }
  return out.join(' ');
}

/**
 * Within one `--processes` scan many processes share a HOME: their files are looked at once.
 * Never kept across calls (a rotation between two `--pid` inspections must be seen).
 */
export interface ScanCache {
  files: Map<string, Promise<ProcessFileView>>;
  kinds: Map<string, Promise<unknown>>;
}

export function newScanCache(): ScanCache {
  return { files: new Map(), kinds: new Map() };
}

function cachedFileView(kind: 'credentials' | 'config', env: Record<string, string>, cache?: ScanCache): Promise<ProcessFileView> {
  if (!cache) return fileView(kind, env);
  const key = `${kind}\0${locateFile(kind, env).path}`;
  let hit = cache.files.get(key);
  if (!hit) {
    hit = fileView(kind, env);
    cache.files.set(key, hit);
  }
  return hit;
}

async function fileView(kind: 'credentials' | 'config', env: Record<string, string>): Promise<ProcessFileView> {
  const where = locateFile(kind, env);
  const s = await stat(where.path).catch(() => undefined);
  const view: ProcessFileView = { kind, path: where.path, source: where.source, exists: Boolean(s?.isFile()) };
  if (s) {
    view.mtime = s.mtime.toISOString();
    view.ctime = s.ctime.toISOString();
  }
  return view;
}

/** What one running process sees: its AWS environment, its files, and when it started. */
export async function inspectProcess(pid: number, env: NodeJS.ProcessEnv = process.env, cache?: ScanCache): Promise<ProcessInfo> {
  const root = procRoot(env);
  const base: ProcessInfo = { pid, status: 'ok', env: [], envReadable: false, files: [], patterns: [] };
  if (process.platform !== 'linux' && !env.CREDCHECK_PROC_ROOT) return { ...base, status: 'unsupported', detail: '--pid needs Linux /proc' };
  if (!(await exists(root, pid))) return { ...base, status: 'not-found', detail: `no process ${pid} (it may have exited)` };
  const [argv, exe, startedAt, uid] = await Promise.all([readCmdline(root, pid), exePath(root, pid), processStart(root, pid), processUid(root, pid)]);
  const info: ProcessInfo = { ...base };
  if (argv) info.command = safeCommand(argv);
  if (exe) info.exe = exe;
  if (startedAt) info.startedAt = startedAt;
  if (uid !== undefined) {
    info.uid = uid;
    const user = await userName(uid);
    if (user) info.user = user;
  }
  let procEnv: Record<string, string> | undefined;
  const environ = await readEnviron(root, pid);
  if (environ.text !== undefined) procEnv = parseEnviron(environ.text);
  else {
    const code = environ.code;
    info.status = code === 'EACCES' || code === 'EPERM' ? 'permission-denied' : (await exists(root, pid)) ? 'ok' : 'not-found';
    info.detail = info.status === 'not-found' ? 'it exited while being inspected' : `cannot read /proc/${pid}/environ (${code ?? 'error'}): run credcheck as root or as the process's user`;
    if (info.status === 'not-found') return info;
  }
  if (procEnv) {
    info.envReadable = true;
    info.env = relevantEnv(procEnv);
    if (procEnv.HOME) info.home = procEnv.HOME;
    info.profile = procEnv.AWS_PROFILE ? { name: procEnv.AWS_PROFILE, source: '$AWS_PROFILE' } : { name: 'default', source: 'default' };
    info.files = await Promise.all([cachedFileView('credentials', procEnv, cache), cachedFileView('config', procEnv, cache)]);
  }
  info.patterns = await detectPatterns([exe ?? '', ...(argv ?? [])].join(' '), env.CREDCHECK_CODEDEPLOY_CONFIG);
  if (procEnv) {
    // Another user's process: /proc/PID/maps, cwd and root need the same permission as environ.
    const [maps, cwd, rootOk] = await Promise.all([
      readHead(`${root}/${pid}/maps`, MAX_MAPS),
      readCwd(root, pid),
      stat(`${root}/${pid}/root/`).then(() => true, () => false),
    ]);
    const view: ProcView = { root, pid, argv: argv ?? [], env: procEnv, fsPrefix: rootOk && root === '/proc' ? `${root}/${pid}/root` : '', maps: maps ?? '' };
    if (exe) view.exe = exe;
    if (cwd) view.cwd = cwd;
    info.runtime = await identifyRuntime(view);
    const model = await applySdkModel(info, procEnv, cache?.kinds);
    if (model) info.model = model;
  }
  return info;
}

/** --pid: numbers are PIDs; names stand for every process of that name (none → a not-found entry). */
export async function probeProcesses(targets: Array<number | string>, env: NodeJS.ProcessEnv = process.env): Promise<ProcessFacts> {
  const { pidsByName } = await import('./pids.js');
  const root = procRoot(env);
  const infos: ProcessInfo[][] = await Promise.all(targets.map(async (t) => {
    if (typeof t === 'number') return [await inspectProcess(t, env)];
    const pids = await pidsByName(root, t);
    if (pids.length === 0) return [{ pid: 0, name: t, status: 'not-found' as const, detail: `no process named ${t}`, env: [], envReadable: false, files: [], patterns: [] }];
    return Promise.all(pids.map(async (pid) => ({ ...(await inspectProcess(pid, env)), name: t })));
  }));
  return { processes: infos.flat() };
}
