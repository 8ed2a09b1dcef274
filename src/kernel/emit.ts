import { atOrAbove, sortFindings, type Severity } from './finding.js';
import type { CommonOptions } from './options.js';
import type { Report } from './report.js';
import { writeOut } from './output.js';
import { makeStyle } from './style.js';
import { renderJson } from '../render/json.js';
import { renderText } from '../render/text.js';

import { EXIT_FINDINGS, EXIT_OK } from './exit-codes.js';

export { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes.js';

export { writeErr, writeOut } from './output.js';

export function exitCodeFor(findings: { severity: Severity }[], failOn: Severity): number {
  return findings.some((f) => atOrAbove(f.severity, failOn)) ? EXIT_FINDINGS : EXIT_OK;
}

/** Prints the report in the format asked for and returns the exit code it earns. */
export async function emitReport(report: Report, opts: CommonOptions, generatedAt = new Date().toISOString()): Promise<number> {
  const sorted = { ...report, findings: sortFindings(report.findings, report.lead) };
  if (opts.json) {
    await writeOut(renderJson(sorted, generatedAt), 'json');
  } else {
    await writeOut(renderText(sorted, makeStyle(opts), opts.failOn));
  }
  // Could not check is not healthy: an unchecked area fails the run like a finding would.
  if (report.coverage?.notChecked.length) return EXIT_FINDINGS;
  return exitCodeFor(sorted.findings, opts.failOn);
}
