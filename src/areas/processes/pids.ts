import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { basename } from 'node:path';

/** The process table under a /proc root: listing, finding by name, and small bounded reads. */

export async function allPids(root: string): Promise<number[]> {
  let names: string[] = [];
  try {
    names = readdirSync(root);
  } catch {
    // no /proc: nothing to list
  }
  return names.filter((n) => /^\d+$/.test(n)).map(Number).filter((p) => p !== process.pid);
}

function comm(root: string, pid: number): string {
  return (readSmall(`${root}/${pid}/comm`, 256).text ?? '').trim();
}

/** Like pgrep: the command name, argv[0]'s base name, or any argument's base name equals `name`. */
export async function pidsByName(root: string, name: string): Promise<number[]> {
  const out: number[] = [];
  for (const pid of await allPids(root)) {
    if (comm(root, pid) === name) {
      out.push(pid);
      continue;
    }
    const argv = readSmall(`${root}/${pid}/cmdline`, 128 * 1024).text?.split('\0').filter(Boolean);
    if (argv?.some((a) => basename(a) === name)) out.push(pid);
  }
  return out.sort((a, b) => a - b);
}

/** One scratch buffer for all synchronous reads (they cannot interleave): no allocation per file. */
const SCRATCH = Buffer.allocUnsafe(256 * 1024);

export function readSmall(path: string, max: number): { text?: string; code?: string } {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < max) {
      const want = Math.min(SCRATCH.length, max - total);
      const n = readSync(fd, SCRATCH, 0, want, total);
      // A short read is the end (regular files, and /proc's environ and cmdline, which fill
      // what was asked): the common small file costs one read and no copy.
      if (chunks.length === 0 && n < want) return { text: SCRATCH.toString('utf8', 0, n) };
      if (n === 0) break;
      chunks.push(Buffer.from(SCRATCH.subarray(0, n)));
      total += n;
      if (n < want) break;
    }
    return { text: Buffer.concat(chunks).toString('utf8') };
  } catch (error) {
    return { code: (error as NodeJS.ErrnoException).code ?? 'error' };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

