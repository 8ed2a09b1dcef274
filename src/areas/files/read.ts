import { MAX_FILE_BYTES, readBounded, type BoundedRead, type ReadStatus } from '../../kernel/bounded-read.js';

export { MAX_FILE_BYTES, type ReadStatus };
export type SafeRead = BoundedRead;

/**
 * Reads a file without ever blocking or exhausting memory (kernel/bounded-read.ts: regular files
 * only, no /proc or /sys pseudo-files, O_NONBLOCK, at most maxBytes, a timeout). Never writes, never throws.
 */
export function readSafely(path: string, maxBytes = MAX_FILE_BYTES): Promise<SafeRead> {
  return readBounded(path, { maxBytes });
}
