import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';
import { embeddedFile, isSingleExecutable } from './embedded.js';

/** Read from package.json at run time so --version is always the installed version. */
export function credcheckVersion(): string {
  const text = isSingleExecutable() ? embeddedFile('package.json') ?? '{"version":"unknown"}' : readFileSync(join(packageRoot(), 'package.json'), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}
