import type { Check } from '../commands/preflight/checks.js';
import type { Finding } from '../kernel/finding.js';
import { escapeData, escapeProperty, markdownCell } from '../kernel/sanitize.js';

export { escapeData, escapeProperty } from '../kernel/sanitize.js';

/** `::error title=CC8003 …::message` for errors, `::warning` for warnings, `::notice` for info. */
export function renderAnnotations(findings: Finding[]): string {
  return findings
    .map((f) => {
      const level = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
      return `::${level} title=${escapeProperty(`${f.code} ${f.title}`)}::${escapeData(`${f.message}\nFix: ${f.fix}`)}\n`;
    })
    .join('');
}

const ICON: Record<Check['status'], string> = { pass: '✅ pass', fail: '❌ fail', warn: '⚠️ warn', skip: '⏭️ skip' };

const cell = markdownCell;

/** The job summary table appended to $GITHUB_STEP_SUMMARY. */
export function renderStepSummary(checks: Check[], findings: Finding[]): string {
  const lines = ['### credcheck preflight', '', '| check | result | reason |', '| --- | --- | --- |'];
  for (const c of checks) lines.push(`| ${cell(c.name)} | ${ICON[c.status]} | ${cell(c.reason)} |`);
  if (findings.length > 0) {
    lines.push('', '| code | severity | fix |', '| --- | --- | --- |');
    for (const f of findings) lines.push(`| ${f.code} | ${f.severity} | ${cell(f.fix)} |`);
  }
  return `${lines.join('\n')}\n\n`;
}
