import { atOrAbove, sortFindings, type Finding, type Severity } from '../kernel/finding.js';
import type { Report } from '../kernel/report.js';
import { paintSeverity, SYMBOL, wrap, type Style } from '../kernel/style.js';

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

export function verdict(findings: Finding[], failOn: Severity, style: Style): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (findings.length === 0) return paintSeverity(style, 'ok', `${SYMBOL.ok} No problems found.`);
  const summary = `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info`;
  const failing = findings.some((f) => atOrAbove(f.severity, failOn));
  return failing
    ? paintSeverity(style, 'error', `${SYMBOL.error} ${summary} (failing on ${failOn} or worse).`)
    : paintSeverity(style, 'ok', `${SYMBOL.ok} ${summary}; nothing at ${failOn} or worse.`);
}

export function renderText(report: Report, style: Style, failOn: Severity): string {
  const lines = [...report.body(style)];
  const findings = sortFindings(report.findings);
  const hideInfo = report.infoOnlyWhenVerbose === true && !style.verbose;
  const shown = hideInfo ? findings.filter((f) => f.severity !== 'info') : findings;
  lines.push('');
  for (const f of shown) lines.push(...renderFinding(f, style), '');
  const hidden = findings.length - shown.length;
  if (hidden > 0) lines.push(style.c.dim(`${hidden} info note${hidden === 1 ? '' : 's'} not shown (--verbose shows them).`), '');
  lines.push(verdict(findings, failOn, style));
  return `${lines.join('\n')}\n`;
}
