import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/** credcheck reads at most this much of a file: real credentials files are a few KiB. */
export const MAX_FILE_BYTES = 1024 * 1024;

export type ReadStatus = 'ok' | 'missing' | 'empty' | 'not-regular' | 'too-large' | 'unreadable';

export interface SafeRead {
  status: ReadStatus;
  /** Text as the SDK would decode it (UTF-8 with replacement characters); absent unless ok. */
  text?: string;
  validUtf8?: boolean;
  detail?: string;
  /** For not-regular files: directory, fifo, character-device, ... */
  fileType?: string;
  size?: number;
  mode?: number;
  uid?: number;
  mtimeMs?: number;
  inode?: number;
}

function typeOf(s: Stats): string {
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
    default:
      return { status: 'unreadable', detail: `${error.code ?? 'error'}: ${error.message}` };
  }
}

/**
 * Reads a file without ever blocking or exhausting memory: FIFOs, devices and directories are
 * refused before reading (opened O_NONBLOCK and re-checked with fstat, so a swap in between
 * cannot make us block), and at most MAX_FILE_BYTES are read. Never writes, never throws.
 */
export async function readSafely(path: string, maxBytes = MAX_FILE_BYTES): Promise<SafeRead> {
  let before: Stats;
  try {
    before = await stat(path);
  } catch (error) {
    return errnoDetail(error as NodeJS.ErrnoException);
  }
  const meta = { size: before.size, mode: before.mode & 0o7777, uid: before.uid, mtimeMs: before.mtimeMs, inode: before.ino };
  if (!before.isFile()) return { status: 'not-regular', fileType: typeOf(before), ...meta };
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
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
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    // The file may have grown between fstat and read (a writer appending): still bounded.
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
