import type { Style } from '../../kernel/style.js';
import type { Check, CheckStatus } from './checks.js';
import type { PreflightFacts } from './facts.js';

const MARK: Record<CheckStatus, string> = { pass: '✓', fail: '✗', warn: '!', skip: '-' };

export function preflightBody(facts: PreflightFacts, style: Style): string[] {
  const { c } = style;
  const paint = (s: CheckStatus, t: string) => (s === 'pass' ? c.green(t) : s === 'fail' ? c.red(t) : s === 'warn' ? c.yellow(t) : c.dim(t));
  const lines = ['credcheck preflight', ''];
  for (const check of facts.checks) {
    if (check.status === 'skip' && !style.verbose) continue;
    lines.push(`  ${paint(check.status, `${MARK[check.status]} ${check.status.padEnd(4)}`)} ${c.bold(check.name)}: ${check.reason}`);
  }
  const skipped = facts.checks.filter((x) => x.status === 'skip').length;
  if (skipped > 0 && !style.verbose) lines.push(c.dim(`  (${skipped} checks skipped; -v lists them)`));
  for (const n of facts.inputs.notChecked) lines.push(c.dim(`  not checked: ${n}`));
  return lines;
}

/** The command's --json top level: the checks (what CI wants) and the inputs they were judged on. */
export function preflightJson(facts: PreflightFacts): Record<string, unknown> {
  return { checks: facts.checks as Check[], inputs: facts.inputs };
}
