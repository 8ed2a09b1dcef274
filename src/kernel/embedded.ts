import { createRequire } from 'node:module';

interface SeaModule {
  isSea(): boolean;
  getAsset(key: string, encoding: string): string;
}

let sea: SeaModule | null | undefined;

/**
 * node:sea when credcheck runs as the single executable, null in the npm package. Loaded with
 * require because node:sea is missing before Node 20.12, and the npm package supports all of 20.
 */
function singleExecutable(): SeaModule | null {
  if (sea !== undefined) return sea;
  try {
    const candidate = createRequire(import.meta.url)('node:sea') as SeaModule;
    sea = candidate.isSea() ? candidate : null;
  } catch {
    sea = null;
  }
  return sea;
}

/** True when running as the single executable built by `npm run dist`. */
export function isSingleExecutable(): boolean {
  return singleExecutable() !== null;
}

/**
 * A file the npm package reads from its own directory (package.json, docs/findings/*.md), which
 * the single executable carries as an asset under the same relative path instead. undefined when
 * not running as the single executable, or when it has no such asset.
 */
export function embeddedFile(relativePath: string): string | undefined {
  const module = singleExecutable();
  if (!module) return undefined;
  try {
    return module.getAsset(relativePath, 'utf8');
  } catch {
    return undefined;
  }
}
