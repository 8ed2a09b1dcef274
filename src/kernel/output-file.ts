import { constants } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { unguarded } from './fs-guard.js';

/**
 * The only code allowed to write a file: the outputs a user named (watch --textfile, preflight
 * --junit, $GITHUB_STEP_SUMMARY). fs-guard.ts refuses every other write in the process.
 *
 * Replacing a file: the text goes to a temp file with an unpredictable name in the same directory,
 * created exclusively and without following links (O_CREAT|O_EXCL|O_NOFOLLOW), flushed, then
 * renamed over the target. rename() replaces a symlink planted at the target instead of writing
 * through it, and a reader (node_exporter) sees the old file or the new one, never half of one.
 */
export function replaceOutputFile(path: string, text: string, mode = 0o644): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(9).toString('hex')}.tmp`);
  const fd = unguarded.openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode);
  try {
    writeAll(fd, text);
    unguarded.fsyncSync(fd);
  } catch (error) {
    unguarded.closeSync(fd);
    unlinkQuietly(tmp);
    throw error;
  }
  unguarded.closeSync(fd);
  try {
    unguarded.renameSync(tmp, path);
  } catch (error) {
    unlinkQuietly(tmp);
    throw error;
  }
}

/** Appends to a file the environment named ($GITHUB_STEP_SUMMARY); a symlink there is refused (ELOOP). */
export function appendOutputFile(path: string, text: string): void {
  const fd = unguarded.openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o644);
  try {
    writeAll(fd, text);
  } finally {
    unguarded.closeSync(fd);
  }
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  let at = 0;
  while (at < bytes.length) at += unguarded.writeSync(fd, bytes, at, bytes.length - at);
}

function unlinkQuietly(path: string): void {
  try {
    unguarded.unlinkSync(path);
  } catch {
    // nothing to clean up
  }
}

/**
 * watch's test hook for a full disk (CREDCHECK_TEXTFILE_FAULT_DEVICE=/dev/full gives a real ENOSPC):
 * one write to that device before each textfile. An output the user named, so it passes the guard.
 */
export function writeFaultDevice(device: string): void {
  const fd = unguarded.openSync(device, 'w');
  try {
    unguarded.writeSync(fd, 'credcheck textfile fault probe\n');
  } finally {
    unguarded.closeSync(fd);
  }
}
