import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

/** Path → (type, mode, size, mtime, content hash) for every entry below root: detects any write. */
export function snapshotTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const s = lstatSync(path);
      if (s.isDirectory()) {
        out[path] = `dir ${s.mode.toString(8)}`;
        walk(path);
      } else if (s.isSymbolicLink()) {
        out[path] = `link ${readlinkSync(path)}`;
      } else if (s.isFile()) {
        const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
        out[path] = `file ${s.mode.toString(8)} ${s.size} ${s.mtimeMs} ${hash}`;
      } else {
        out[path] = `special ${s.mode.toString(8)}`;
      }
    }
  };
  walk(root);
  return out;
}
