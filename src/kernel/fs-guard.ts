import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { fileURLToPath } from 'node:url';
import { refusalOf, describeRefusal } from './bounded-read.js';

/**
 * Read-only by construction. Installed before anything else runs (cli.ts imports it first), it
 * replaces every public fs function that can create, change or remove a file — callback, sync and
 * promises forms, and the ESM named exports (syncBuiltinESMExports) — with one that refuses. So
 * neither credcheck's code nor the SDK's providers (token-providers' writeSSOTokenToFile keeps
 * its own `promises.writeFile`, taken at load time, after this ran) can write anything. The only
 * writer is output-file.ts, which holds the originals and writes only the files the user named.
 *
 * Reads pass through the same check as kernel/bounded-read.ts (stat + statfs: nothing is opened):
 * FIFOs, devices, sockets, /proc and /sys files other than per-process ones, and files over a cap
 * are refused, so no SDK read (readFileSync of a web identity token, a CA bundle, …) can block.
 *
 * Not covered, by nature: a credential_process is another program, which credcheck runs as the SDK
 * would; what it writes is its own business (README "What credcheck writes").
 */

export interface Refusal {
  op: string;
  path: string;
  kind: 'write' | 'read';
  why: string;
  /** For reads refused by credcheck's own check: what the file is. */
  status?: string;
  fileType?: string;
  size?: number;
  detail?: string;
}

/** The SDK never legitimately reads anything near this size; credcheck's own files are capped lower. */
const GUARD_READ_CAP = 16 * 1024 * 1024;
/**
 * Pseudo-files credcheck itself reads, none of which blocks: per-process /proc files and the boot
 * time in /proc/stat (process inspection), sysfs attributes (DMI). /proc/kmsg and the like stay refused.
 */
const ALLOWED_PSEUDO = /^\/proc\/(?:(?:\d+|self|thread-self)\/|(?:stat|uptime|loadavg)$|sys\/)|^\/sys\//;

const refusals: Refusal[] = [];

/** Records a refusal made before the SDK got near a file (sdk/inputs.ts, the files probe). */
export function recordRefusal(r: { op: string; path: string; kind: Refusal['kind']; why: string; read?: { status: string; fileType?: string; size?: number; detail?: string } }): void {
  const { read, ...rest } = r;
  const entry: Refusal = { ...rest };
  if (read) {
    entry.status = read.status;
    if (read.fileType) entry.fileType = read.fileType;
    if (read.size !== undefined) entry.size = read.size;
    if (read.detail) entry.detail = read.detail;
  }
  refusals.push(entry);
}

/** What was refused so far, for the io facts (a refused read is a finding; so is a refused write). */
export function guardRefusals(): readonly Refusal[] {
  return refusals;
}

const WRITE_OPS = [
  'writeFile', 'appendFile', 'rename', 'unlink', 'rm', 'rmdir', 'mkdir', 'mkdtemp', 'copyFile', 'cp',
  'symlink', 'link', 'truncate', 'chmod', 'lchmod', 'chown', 'lchown', 'utimes', 'lutimes',
] as const;

type AnyFn = (...args: any[]) => any;
const sync = fs as unknown as Record<string, AnyFn>;
const promises = fs.promises as unknown as Record<string, AnyFn>;

/** The unguarded functions, for output-file.ts only (taken before install replaces them). */
export const unguarded = {
  openSync: fs.openSync,
  writeSync: fs.writeSync,
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
  unlinkSync: fs.unlinkSync,
};

function pathOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (Buffer.isBuffer(arg)) return arg.toString();
  if (arg instanceof URL) return fileURLToPath(arg);
  return undefined; // a file descriptor or FileHandle: opened already, and opening was checked
}

function refusedError(op: string, path: string, kind: Refusal['kind'], why: string, read?: { status: string; fileType?: string; size?: number }): NodeJS.ErrnoException {
  refusals.push({ op, path, kind, why, ...(read ?? {}) });
  const error = new Error(`credcheck refused to ${kind === 'write' ? 'write' : 'read'} ${path} (${op}): ${why}`) as NodeJS.ErrnoException;
  error.code = kind === 'write' ? 'EROFS' : 'EINVAL';
  error.path = path;
  return error;
}

const READ_ONLY_WHY = 'credcheck never writes what it inspects; it writes only output files named on its command line';

function writeRefusal(op: string, args: unknown[]): NodeJS.ErrnoException | undefined {
  const path = pathOf(args[0]);
  // writeFile(fd, …)/appendFile(fd, …): the descriptor (stdout, stderr) was opened legitimately.
  if (path === undefined && (op === 'writeFile' || op === 'appendFile')) return undefined;
  return refusedError(op, path ?? String(args[0]), 'write', READ_ONLY_WHY);
}

function readRefusal(op: string, arg: unknown): NodeJS.ErrnoException | undefined {
  const path = pathOf(arg);
  if (path === undefined) return undefined;
  const r = refusalOf(path, GUARD_READ_CAP, (p) => ALLOWED_PSEUDO.test(p));
  return r ? refusedError(op, path, 'read', describeRefusal(r, GUARD_READ_CAP), r) : undefined;
}

function writesByFlags(flags: unknown): boolean {
  if (flags === undefined || flags === null) return false;
  if (typeof flags === 'number') {
    const { O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND } = fs.constants;
    return (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND)) !== 0;
  }
  return /[wa+]/.test(String(flags));
}

function openRefusal(op: string, args: unknown[]): NodeJS.ErrnoException | undefined {
  if (writesByFlags(args[1])) return refusedError(op, pathOf(args[0]) ?? String(args[0]), 'write', READ_ONLY_WHY);
  return readRefusal(op, args[0]);
}

function streamFlags(options: unknown): unknown {
  return typeof options === 'object' && options !== null ? (options as { flags?: unknown }).flags : undefined;
}

/** Wraps the sync, callback and promises forms of one operation with the same check. */
function guard(name: string, check: (op: string, args: unknown[]) => NodeJS.ErrnoException | undefined): void {
  const cb = sync[name];
  if (typeof cb === 'function') {
    sync[name] = function guarded(this: unknown, ...args: unknown[]) {
      const error = check(name, args);
      if (!error) return cb.apply(this, args);
      const callback = args[args.length - 1];
      if (typeof callback === 'function') process.nextTick(callback as AnyFn, error);
      else throw error;
    };
  }
  const s = sync[`${name}Sync`];
  if (typeof s === 'function') {
    sync[`${name}Sync`] = function guardedSync(this: unknown, ...args: unknown[]) {
      const error = check(`${name}Sync`, args);
      if (error) throw error;
      return s.apply(this, args);
    };
  }
  const p = promises[name];
  if (typeof p === 'function') {
    promises[name] = function guardedPromise(this: unknown, ...args: unknown[]) {
      const error = check(`promises.${name}`, args);
      return error ? Promise.reject(error) : p.apply(this, args);
    };
  }
}

let installed = false;

export function installFsGuard(): void {
  if (installed) return;
  installed = true;
  for (const op of WRITE_OPS) guard(op, writeRefusal);
  guard('open', openRefusal);
  guard('readFile', (op, args) => readRefusal(op, args[0]));
  const createWriteStream = sync.createWriteStream!;
  sync.createWriteStream = function guardedWriteStream(this: unknown, ...args: unknown[]) {
    const error = writeRefusal('createWriteStream', args);
    if (error) throw error;
    return createWriteStream.apply(this, args);
  };
  const createReadStream = sync.createReadStream!;
  sync.createReadStream = function guardedReadStream(this: unknown, ...args: unknown[]) {
    const error = writesByFlags(streamFlags(args[1])) ? writeRefusal('createReadStream', args) : readRefusal('createReadStream', args[0]);
    if (error) throw error;
    return createReadStream.apply(this, args);
  };
  // `import { writeFile } from 'node:fs/promises'` and friends are live bindings: update them too.
  syncBuiltinESMExports();
}
