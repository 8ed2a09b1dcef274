import { sanitizeOutput, type OutputFormat } from './sanitize.js';

export type { OutputFormat } from './sanitize.js';

/**
 * The one exit: every byte credcheck prints or writes to a file goes through sanitizeOutput() for
 * its format, so no code path can skip secret scrubbing or control-character neutralising.
 * Kept apart from the renderers so `--version` and usage errors load no colour library.
 */
export function writeOut(text: string, format: OutputFormat = 'text'): Promise<void> {
  return new Promise((resolve) => process.stdout.write(sanitizeOutput(text, format), () => resolve()));
}

/** stderr is always read as text (by a terminal, or by a CI runner looking for commands). */
export function writeErr(text: string): Promise<void> {
  return new Promise((resolve) => process.stderr.write(sanitizeOutput(text, 'text'), () => resolve()));
}

/** What a file the user named (--junit, --textfile, $GITHUB_STEP_SUMMARY) receives. */
export function fileContent(text: string, format: OutputFormat): string {
  return sanitizeOutput(text, format);
}
