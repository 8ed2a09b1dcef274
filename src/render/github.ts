import type { Check } from '../commands/preflight/checks.js';
import type { Finding } from '../kernel/finding.js';

/** GitHub's workflow-command escaping for the message (data) part. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values (title=…) additionally escape the separators of the property list. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

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

/** Markdown cell: pipes and newlines would break the table; HTML-ish characters are shown literally. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, '<br>');
}

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
