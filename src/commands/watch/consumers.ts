import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { registerRotatingSecrets } from '../../kernel/secrets.js';
import { locateFile } from '../../areas/files/locate.js';
import { parseEnviron } from '../../areas/processes/environ.js';
import { processStart } from '../../areas/processes/proc.js';
import type { KeyObservation } from './source.js';

/** Bounds: /proc entries scanned per name lookup, and bytes of one environ/comm. */
const MAX_PROC_ENTRIES = 65536;
const MAX_ENVIRON_BYTES = 256 * 1024;

/** Where a process's credentials come from, as the SDK chain would pick them from its environment. */
export type Uses =
  | { kind: 'env'; observation: KeyObservation }
  | { kind: 'file'; path: string; profile: string }
  | { kind: 'container' }
  | { kind: 'unreadable'; detail: string };

export interface Consumer {
  pid: number;
  /** comm: bounded (15 bytes) and safe as a metric label, unlike the pid. */
  name: string;
  startMs: number | undefined;
  uses: Uses;
}

async function readBounded(path: string, max: number): Promise<string> {
  const buf = await readFile(path);
  return buf.subarray(0, max).toString('utf8');
}

export async function commOf(root: string, pid: number): Promise<string | undefined> {
  return readBounded(`${root}/${pid}/comm`, 64).then((t) => t.trim(), () => undefined);
}

/** Pids whose comm is exactly `name` (bounded scan of /proc; our own pid excluded). */
export async function pidsNamed(root: string, name: string): Promise<number[]> {
  const entries = await readdir(root).catch(() => [] as string[]);
  const pids = entries.slice(0, MAX_PROC_ENTRIES).filter((e) => /^\d+$/.test(e)).map(Number).filter((p) => p !== process.pid);
  const out: number[] = [];
  for (const pid of pids) if ((await commOf(root, pid)) === name.slice(0, 15)) out.push(pid);
  return out.sort((a, b) => a - b);
}

/** Reads one process: its name, start and which credentials its environment selects. */
export async function inspectConsumer(root: string, pid: number): Promise<Consumer | undefined> {
  const name = await commOf(root, pid);
  if (name === undefined) return undefined;
  const started = await processStart(root, pid);
  const startMs = started ? Date.parse(started) : undefined;
  let env: Record<string, string>;
  try {
    env = parseEnviron(await readBounded(`${root}/${pid}/environ`, MAX_ENVIRON_BYTES));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { pid, name, startMs, uses: { kind: 'unreadable', detail: `cannot read /proc/${pid}/environ (${code}): run watch as root or as the process's user` } };
  }
  // The chain's order: environment keys first, then (for the JS SDK and botocore) the shared files.
  const keyId = env.AWS_ACCESS_KEY_ID;
  const secret = env.AWS_SECRET_ACCESS_KEY;
  if (keyId && secret) {
    registerRotatingSecrets(`watch:process:${name}`, [secret, env.AWS_SESSION_TOKEN], 3);
    const observation: KeyObservation = {
      ok: true,
      keyId,
      secretHash: createHash('sha256').update(secret).digest('hex'),
      credentials: { accessKeyId: keyId, secretAccessKey: secret, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) },
      // `aws configure export-credentials --format env` writes this one.
      ...(env.AWS_CREDENTIAL_EXPIRATION ? { expiration: env.AWS_CREDENTIAL_EXPIRATION } : {}),
    };
    return { pid, name, startMs, uses: { kind: 'env', observation } };
  }
  if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI) return { pid, name, startMs, uses: { kind: 'container' } };
  const path = locateFile('credentials', env).path;
  return { pid, name, startMs, uses: { kind: 'file', path, profile: env.AWS_PROFILE || 'default' } };
}

/**
 * A process holds the keys it read at start unless its SDK re-reads the file: one started before
 * the last rotation of the file it uses, and not restarted since, may still hold the previous keys.
 */
export function isStale(startMs: number | undefined, lastRotationMs: number | undefined): boolean {
  return startMs !== undefined && lastRotationMs !== undefined && startMs < lastRotationMs;
}
