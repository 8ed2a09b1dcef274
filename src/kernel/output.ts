import { scrub } from './secrets.js';

/**
 * Every byte credcheck prints goes through here, so no code path can skip secret scrubbing.
 * Kept apart from the renderers so `--version` and usage errors load no colour library.
 */
export function writeOut(text: string): Promise<void> {
  return new Promise((resolve) => process.stdout.write(scrub(text), () => resolve()));
}

export function writeErr(text: string): Promise<void> {
  return new Promise((resolve) => process.stderr.write(scrub(text), () => resolve()));
}
