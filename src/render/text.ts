import { atOrAbove, sortFindings, type Finding, type Severity } from '../kernel/finding.js';
import type { Coverage, Gap, Report } from '../kernel/report.js';
import { fitLine, paintSeverity, SYMBOL, wrap, type Style } from '../kernel/style.js';

export function renderFinding(f: Finding, style: Style): string[] {
  const { c } = style;
  const head = `${paintSeverity(style, f.severity, SYMBOL[f.severity])} ${c.bold(f.code)} ${paintSeverity(style, f.severity, f.severity)}: ${c.bold(f.title)}`;
  const lines = [head];
  const where = [f.file && (f.line ? `${f.file}:${f.line}` : f.file), f.profile && `profile ${f.profile}`]
    .filter(Boolean)
    .join(', ');
  if (where) lines.push(`    ${c.dim(where)}`);
  lines.push(wrap(f.message, style.width, '    '));
  lines.push(wrap(`Fix: ${f.fix}`, style.width, '    '));
  lines.push(`    ${c.dim(`More: credcheck explain ${f.code}`)}`);
  return lines;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const names = (gaps: Gap[]) => gaps.map((g) => g.area).join(', ');

export function verdict(findings: Finding[], failOn: Severity, style: Style, coverage?: Coverage): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const summary = `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info`;
  const failing = findings.some((f) => atOrAbove(f.severity, failOn));
  const skipped = coverage?.skippedOnRequest.length
    ? ` ${plural(coverage.skippedOnRequest.length, 'area')} skipped on request (${[...new Set(coverage.skippedOnRequest.map((g) => g.why.split(':')[0]))].join(', ')}): ${names(coverage.skippedOnRequest)}.`
    : '';
  // An area that could not run is not a healthy one: say how much is missing before any count.
  if (coverage?.notChecked.length) {
    const missing = `${coverage.notChecked.length} of ${coverage.total} areas not checked (${names(coverage.notChecked)})`;
    const all = coverage.notChecked.length === coverage.total;
    const rest = all ? '' : findings.length ? `; in the rest: ${summary}` : '; the rest found nothing';
    return paintSeverity(style, 'error', wrap(`${SYMBOL.error} ${all ? 'Nothing checked' : 'Incomplete'}: ${missing}${rest}.${skipped}`, style.width, '  ').trimStart());
  }
  if (findings.length === 0) {
    return skipped
      ? paintSeverity(style, 'ok', wrap(`${SYMBOL.ok} Nothing wrong in the ${plural(coverage!.total - coverage!.skippedOnRequest.length, 'area')} checked.${skipped}`, style.width, '  ').trimStart())
      : paintSeverity(style, 'ok', `${SYMBOL.ok} No problems found.`);
  }
  return failing
    ? paintSeverity(style, 'error', wrap(`${SYMBOL.error} ${summary} (failing on ${failOn} or worse).${skipped}`, style.width, '  ').trimStart())
    : paintSeverity(style, 'ok', wrap(`${SYMBOL.ok} ${summary}; nothing at ${failOn} or worse.${skipped}`, style.width, '  ').trimStart());
}

export function renderText(report: Report, style: Style, failOn: Severity): string {
  // Every command's body fits the terminal (80 columns when unknown); findings wrap themselves.
  const lines = report.body(style).flatMap((l) => l.split('\n')).flatMap((l) => fitLine(l, style.width));
  const findings = sortFindings(report.findings, report.lead);
  const hideInfo = report.infoOnlyWhenVerbose === true && !style.verbose;
  const shown = hideInfo ? findings.filter((f) => f.severity !== 'info') : findings;
  lines.push('');
  for (const f of shown) lines.push(...renderFinding(f, style), '');
  const hidden = findings.length - shown.length;
  if (hidden > 0) lines.push(style.c.dim(`${hidden} info note${hidden === 1 ? '' : 's'} not shown (--verbose shows them).`), '');
  lines.push(verdict(findings, failOn, style, report.coverage));
  return `${lines.join('\n')}\n`;
}
