import { SCHEMA_VERSION, type Report } from '../kernel/report.js';
import { credcheckVersion } from '../kernel/version.js';

/** Exactly one JSON object: schemaVersion, command, the command's facts, findings. */
export function renderJson(report: Report, generatedAt: string): string {
  const doc = {
    schemaVersion: SCHEMA_VERSION,
    command: report.command,
    credcheckVersion: credcheckVersion(),
    generatedAt,
    ...report.json,
    ...(report.coverage ? { coverage: report.coverage } : {}),
    findings: report.findings,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
