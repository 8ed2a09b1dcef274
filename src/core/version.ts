import { readFileSync } from 'node:fs';

/** Read lazily from package.json so --version needs no build step to stay true. */
export function credcheckVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
