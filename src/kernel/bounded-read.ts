import { constants, promises, statfsSync, statSync, type Stats } from 'node:fs';

/**
 * The one reader for every file credcheck or the SDK will open. A file must be a regular file on
 * a real file system (not a FIFO, device, socket, directory, nor a /proc or /sys pseudo-file that
 * can block or never end), no larger than a cap, and is read with O_NONBLOCK so that even a file
 * swapped for a FIFO between the check and the open cannot block. Never writes, never throws.
 *
 * The check (refusalOf) is synchronous and opens nothing, so the same check also guards the
 * SDK's own synchronous reads (fs-guard.ts); the read itself is asynchronous and has a timeout.
 */

/** Credentials, config and token files are a few KiB: 1 MiB is generous. */
export const MAX_FILE_BYTES = 1024 * 1024;

export type ReadStatus = 'ok' | 'missing' | 'empty' | 'not-regular' | 'too-large' | 'unreadable';

export interface BoundedRead {
  status: ReadStatus;
  /** Text as the SDK would decode it (UTF-8 with replacement characters); absent unless ok/empty. */
  text?: string;
  validUtf8?: boolean;
  detail?: string;
  /** For not-regular files: directory, fifo, character-device, proc-file, ... */
  fileType?: string;
  size?: number;
  mode?: number;
  uid?: number;
  mtimeMs?: number;
  inode?: number;
}

/** statfs magic numbers of pseudo file systems whose "files" may block, never end or lie about their size. */
const PSEUDO_FS: Record<number, string> = {
  0x9fa0: 'proc-file',
  0x62656572: 'sysfs-file',
  0x64626720: 'debugfs-file',
  0x74726163: 'tracefs-file',
  0x73636673: 'securityfs-file',
  0xcafe4a11: 'bpf-file',
  0x1cd1: 'devpts-file',
};

export function typeOf(s: Stats): string {
  if (s.isDirectory()) return 'directory';
  if (s.isFIFO()) return 'fifo';
  if (s.isCharacterDevice()) return 'character-device';
  if (s.isBlockDevice()) return 'block-device';
  if (s.isSocket()) return 'socket';
  return 'other';
}

function errnoDetail(error: NodeJS.ErrnoException): { status: ReadStatus; detail: string } {
  switch (error.code) {
    case 'ENOENT':
      return { status: 'missing', detail: 'no such file' };
    case 'ENOTDIR':
      return { status: 'missing', detail: 'a parent of this path is not a directory' };
    case 'EACCES':
    case 'EPERM':
      return { status: 'unreadable', detail: 'permission denied' };
    case 'ELOOP':
      return { status: 'unreadable', detail: 'symbolic link loop' };
    case 'EAGAIN':
      return { status: 'not-regular', detail: 'reading would block' };
    default:
      return { status: 'unreadable', detail: `${error.code ?? 'error'}: ${error.message}` };
  }
}

function pseudoFsOf(path: string): string | undefined {
  try {
    return PSEUDO_FS[Number(statfsSync(path).type)];
  } catch {
    return undefined;
  }
}

/**
 * Why a path must not be opened for reading, or undefined when it is safe (or does not exist, so
 * opening it fails at once). Uses stat and statfs only: neither opens the file, so neither blocks.
 */
export function refusalOf(path: string, maxBytes = MAX_FILE_BYTES, allowPseudo: (path: string) => boolean = () => false): { status: ReadStatus; fileType?: string; size?: number } | undefined {
  let s: Stats;
  try {
    s = statSync(path);
  } catch {
    return undefined;
  }
  if (!s.isFile()) return { status: 'not-regular', fileType: typeOf(s) };
  const pseudo = pseudoFsOf(path);
  if (pseudo && !allowPseudo(path)) return { status: 'not-regular', fileType: pseudo };
  if (s.size > maxBytes) return { status: 'too-large', size: s.size };
  return undefined;
}

export interface BoundedReadOptions {
  maxBytes?: number;
  /** credcheck's own reads of /proc/<pid>/… and /sys/class/dmi/… pass this; nothing the SDK opens does. */
  allowPseudoFs?: boolean;
  timeoutMs?: number;
}

/** If a read has not finished by then (a wedged network file system), the caller gets an answer anyway. */
export const READ_TIMEOUT_MS = 3000;

// Captured at load, before fs-guard wraps the public functions: this reader does its own checks
// (and may read /proc for credcheck's process inspection, which the guard refuses to the SDK).
const openFile = promises.open;
const statFile = promises.stat;

async function readChecked(path: string, maxBytes: number, allowPseudo: boolean): Promise<BoundedRead> {
  let before: Stats;
  try {
    before = await statFile(path);
  } catch (error) {
    return errnoDetail(error as NodeJS.ErrnoException);
  }
  const meta = { size: before.size, mode: before.mode & 0o7777, uid: before.uid, mtimeMs: before.mtimeMs, inode: before.ino };
  const refused = refusalOf(path, maxBytes, () => allowPseudo);
  if (refused) return { ...meta, ...refused };
  let handle;
  try {
    handle = await openFile(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    return { ...errnoDetail(error as NodeJS.ErrnoException), ...meta };
  }
  try {
    const s = await handle.stat();
    if (!s.isFile()) return { status: 'not-regular', fileType: typeOf(s), ...meta };
    if (s.size > maxBytes) return { status: 'too-large', ...meta, size: s.size };
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    // The file may have grown between fstat and read (a writer appending), or a pseudo file may
    // report size 0 and never end: either way, still bounded.
    if (length > maxBytes) return { status: 'too-large', ...meta, size: length };
    const bytes = buffer.subarray(0, length);
    let validUtf8 = true;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      validUtf8 = false;
    }
    const text = bytes.toString('utf8');
    if (text.trim() === '') return { status: 'empty', text, validUtf8, ...meta, size: length };
    return { status: 'ok', text, validUtf8, ...meta, size: length };
  } catch (error) {
    return { ...errnoDetail(error as NodeJS.ErrnoException), ...meta };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

export async function readBounded(path: string, opts: BoundedReadOptions = {}): Promise<BoundedRead> {
  const maxBytes = opts.maxBytes ?? MAX_FILE_BYTES;
  const timeoutMs = opts.timeoutMs ?? READ_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<BoundedRead>((resolve) => {
    // Not unref'd: a read that never settles must still produce an answer (see probe.ts withDeadline).
    timer = setTimeout(() => resolve({ status: 'unreadable', detail: `reading did not finish within ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([readChecked(path, maxBytes, Boolean(opts.allowPseudoFs)), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** In words, for findings: why a file was not read. */
export function describeRefusal(r: { status: ReadStatus; fileType?: string; size?: number; detail?: string }, maxBytes = MAX_FILE_BYTES): string {
  if (r.status === 'too-large') return `it is ${r.size ?? 'more than'} bytes, over the ${maxBytes}-byte limit`;
  if (r.status === 'not-regular') {
    const what = r.fileType ?? 'special file';
    if (what === 'fifo') return 'it is a FIFO (named pipe): reading it blocks until something writes to it, possibly forever';
    if (what.endsWith('-file')) return `it is a ${what.replace(/-file$/, '')} pseudo-file (reading it can block or never end)`;
    if (what === 'character-device' || what === 'block-device') return `it is a ${what.replace('-', ' ')}: reading it can block or never end`;
    return `it is a ${what.replace('-', ' ')}, not a regular file${r.detail ? ` (${r.detail})` : ''}`;
  }
  return r.detail ?? r.status;
}
