import { open } from 'node:fs/promises';

/**
 * Reads at most `max` bytes at `offset`, never more: /proc files and binaries can be huge, and a
 * process can exit between two reads (then the read fails and the caller gets undefined).
 */
export async function readAt(path: string, offset: number, length: number, max: number): Promise<Buffer | undefined> {
  const want = Math.max(0, Math.min(length, max));
  let fh;
  try {
    fh = await open(path, 'r');
    const buf = Buffer.alloc(want);
    let got = 0;
    while (got < want) {
      const { bytesRead } = await fh.read(buf, got, want - got, offset + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return buf.subarray(0, got);
  } catch {
    return undefined;
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/** The first `max` bytes of a file as text (UTF-8), or undefined when it cannot be read. */
export async function readHead(path: string, max: number): Promise<string | undefined> {
  return (await readAt(path, 0, max, max))?.toString('utf8');
}
