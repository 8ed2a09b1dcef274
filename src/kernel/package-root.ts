import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The installed package's root (where package.json and docs/ live). Found by walking up from
 * this module, because the same code runs from dist/src (tests) and from the bundle (users).
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && (JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === 'credcheck') {
      cached = dir;
      return dir;
    }
    dir = dirname(dir);
  }
  throw new Error('cannot find credcheck\'s package.json above its code');
}
