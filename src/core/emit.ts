import { atOrAbove, sortFindings, type Severity } from './finding.js';
import type { CommonOptions } from './options.js';
import type { Report } from './report.js';
import { scrub } from './secrets.js';
import { makeStyle } from './style.js';
import { renderJson } from '../render/json.js';
import { renderText } from '../render/text.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** Every byte credcheck prints goes through here, so no code path can skip secret scrubbing. */
export function writeOut(text: string): Promise<void> {
  return new Promise((resolve) => process.stdout.write(scrub(text), () => resolve()));
}

export function writeErr(text: string): Promise<void> {
  return new Promise((resolve) => process.stderr.write(scrub(text), () => resolve()));
}

export function exitCodeFor(findings: { severity: Severity }[], failOn: Severity): number {
  return findings.some((f) => atOrAbove(f.severity, failOn)) ? EXIT_FINDINGS : EXIT_OK;
}

/** Prints the report in the format asked for and returns the exit code it earns. */
export async function emitReport(report: Report, opts: CommonOptions, generatedAt = new Date().toISOString()): Promise<number> {
  const sorted = { ...report, findings: sortFindings(report.findings) };
  if (opts.json) {
    await writeOut(renderJson(sorted, generatedAt));
  } else {
    await writeOut(renderText(sorted, makeStyle(opts), opts.failOn));
  }
  return exitCodeFor(sorted.findings, opts.failOn);
}
