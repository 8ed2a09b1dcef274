import type { Facts } from './facts.js';
import { docsPath, type Finding, type Severity } from './finding.js';
import { guardRefusals } from './fs-guard.js';
import { unparsedInputs } from './untrusted.js';

/** What a rule says about one occurrence; the registry adds code, title and docs. */
export interface Hit {
  message: string;
  fix: string;
  /** Overrides the rule's default severity for this occurrence. */
  severity?: Severity;
  file?: string;
  line?: number;
  profile?: string;
  source?: string;
}

/**
 * A rule is a pure function of the facts: no I/O, no clock (use facts.now), no printing.
 * It returns [] when the facts it needs are absent, so every command can run every rule.
 */
export interface Rule {
  code: string;
  severity: Severity;
  title: string;
  check(facts: Facts): Hit[];
}

export function defineRule(rule: Rule): Rule {
  if (!/^CC\d{4}$/.test(rule.code)) throw new Error(`bad rule code ${rule.code}`);
  return rule;
}

export function toFinding(rule: Rule, hit: Hit): Finding {
  const finding: Finding = {
    code: rule.code,
    severity: hit.severity ?? rule.severity,
    title: rule.title,
    message: hit.message,
    fix: hit.fix,
    docs: docsPath(rule.code),
  };
  if (hit.file !== undefined) finding.file = hit.file;
  if (hit.line !== undefined) finding.line = hit.line;
  if (hit.profile !== undefined) finding.profile = hit.profile;
  if (hit.source !== undefined) finding.source = hit.source;
  return finding;
}

/** Runs rules; a rule that throws becomes an internal-error finding instead of hiding the others. */
export function runRules(rules: readonly Rule[], given: Facts): Finding[] {
  // Refusals happen wherever a read or write was attempted; every command reports them.
  const facts: Facts = given.io ? given : { ...given, io: { refusals: guardRefusals().map((r) => ({ ...r })), unparsed: unparsedInputs().map((u) => ({ ...u })) } };
  const findings: Finding[] = [];
  for (const rule of rules) {
    try {
      for (const hit of rule.check(facts)) findings.push(toFinding(rule, hit));
    } catch (error) {
      findings.push({
        code: 'CC9001',
        severity: 'error',
        title: 'credcheck internal error',
        message: `Rule ${rule.code} crashed: ${(error as Error)?.message ?? String(error)}`,
        fix: 'This is a bug in credcheck. Re-run with --debug and report it; the other findings are still valid.',
        docs: docsPath('CC9001'),
      });
    }
  }
  return findings;
}
