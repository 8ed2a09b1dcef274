import { open, readFile, readlink, stat } from 'node:fs/promises';

/** Linux /proc readers, each bounded to small files; the root is injectable for tests. */
export function procRoot(env: NodeJS.ProcessEnv): string {
  return env.CREDCHECK_PROC_ROOT || '/proc';
}

/** Clock ticks per second for /proc/<pid>/stat start times: 100 on every mainstream Linux. */
const CLK_TCK = 100;

const bootCache = new Map<string, Promise<string | undefined>>();
let passwdCache: Promise<string> | undefined;

export async function bootTimeMs(root: string): Promise<number | undefined> {
  // Read once per run: --processes asks for every process.
  if (!bootCache.has(root)) bootCache.set(root, readFile(`${root}/stat`, 'utf8').catch(() => undefined));
  const text = await bootCache.get(root);
  const m = text && /^btime (\d+)$/m.exec(text);
  return m ? Number(m[1]) * 1000 : undefined;
}

/** Start time from field 22 of /proc/<pid>/stat (after the parenthesised comm, which may hold spaces). */
export function startTicks(statText: string): number | undefined {
  const afterComm = statText.slice(statText.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(afterComm[19]);
  return Number.isFinite(ticks) ? ticks : undefined;
}

export async function processStart(root: string, pid: number): Promise<string | undefined> {
  const [statText, boot] = await Promise.all([readFile(`${root}/${pid}/stat`, 'utf8').catch(() => undefined), bootTimeMs(root)]);
  if (!statText || boot === undefined) return undefined;
  const ticks = startTicks(statText);
  return ticks === undefined ? undefined : new Date(boot + (ticks * 1000) / CLK_TCK).toISOString();
}

export async function processUid(root: string, pid: number): Promise<number | undefined> {
  const text = await readFile(`${root}/${pid}/status`, 'utf8').catch(() => undefined);
  const m = text && /^Uid:\s+(\d+)/m.exec(text);
  return m ? Number(m[1]) : undefined;
}

export async function userName(uid: number): Promise<string | undefined> {
  passwdCache ??= readFile('/etc/passwd', 'utf8').catch(() => '');
  const text = await passwdCache;
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f[2] === String(uid)) return f[0];
  }
  return undefined;
}

export async function exists(root: string, pid: number): Promise<boolean> {
  return stat(`${root}/${pid}`).then(() => true, () => false);
}

export async function exePath(root: string, pid: number): Promise<string | undefined> {
  return readlink(`${root}/${pid}/exe`).catch(() => undefined);
}

export async function readCmdline(root: string, pid: number): Promise<string[] | undefined> {
  const text = await readFile(`${root}/${pid}/cmdline`, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : text.split('\0').filter(Boolean);
}

/** An environment larger than this is cut (Linux allows a few MiB; AWS variables come early or not at all). */
export const MAX_ENVIRON = 2 * 1024 * 1024;

/** /proc/PID/environ, bounded; the error code tells "another user's process" from "gone". */
export async function readEnviron(root: string, pid: number): Promise<{ text?: string; code?: string }> {
  let fh;
  try {
    fh = await open(`${root}/${pid}/environ`, 'r');
    // Chunks, not one MAX_ENVIRON buffer: most environments are a few KiB (and --processes reads thousands).
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < MAX_ENVIRON) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, MAX_ENVIRON - total));
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, total);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    return { text: Buffer.concat(chunks).toString('utf8') };
  } catch (error) {
    return { code: (error as NodeJS.ErrnoException).code ?? 'error' };
  } finally {
    await fh?.close().catch(() => undefined);
  }
}
