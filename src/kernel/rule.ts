import type { Facts } from './facts.js';
import { okValue, type ProbeResult } from './probe.js';
import { docsPath, type Finding, type Severity } from './finding.js';
import { guardRefusals } from './fs-guard.js';
import { unparsedInputs } from './untrusted.js';
import { oneLine } from './controls.js';

/** What a rule says about one occurrence; the registry adds title and docs. */
export interface Hit {
  /** Which of the rule's codes this is; may be left out by a rule that owns one code. */
  code?: string;
  message: string;
  fix: string;
  /** Overrides the code's default severity for this occurrence. */
  severity?: Severity;
  file?: string;
  line?: number;
  profile?: string;
  source?: string;
}

/** A section of Facts a rule can need (everything but the clock reading `now`). */
export type FactKey = Exclude<keyof Facts, 'now'>;

/** One finding code a rule can report, like an ESLint rule's messageId. Every code has its page. */
export interface CodeSpec {
  code: string;
  severity: Severity;
  title: string;
  /**
   * Display order within a severity: lower first. Causes come before the symptoms they produce
   * (a cross-area diagnosis or a wrong clock before the STS error it explains).
   */
  priority: number;
  /** Codes this finding explains: where both are found (doctor), the explained one is dropped. */
  explains?: readonly string[];
}

/**
 * A rule is a pure function of the facts: no I/O, no clock (use facts.now), no printing. It is
 * called only when every fact section in `reads` is present and probed ok, so it never re-checks
 * them (use `need`); sections it can do without it reads with okValue.
 */
export interface Rule {
  /** The module's name in errors: its first code for a one-code rule. */
  name: string;
  reads: readonly FactKey[];
  codes: readonly CodeSpec[];
  /**
   * Codes another rule defines that this one also reports: one problem, one code, whichever
   * command finds it (preflight's account check reports identity's CC3020).
   */
  shares?: readonly string[];
  check(facts: Facts): Hit[];
}

type OneCode = CodeSpec & { reads: readonly FactKey[]; check(facts: Facts): Hit[] };
type ManyCodes = { name: string; reads: readonly FactKey[]; codes: readonly CodeSpec[]; shares?: readonly string[]; check(facts: Facts): Hit[] };

/** A rule with one code (`code`, `severity`, `title`, `priority`) or several (`name`, `codes`). */
export function defineRule(rule: OneCode | ManyCodes): Rule {
  const out: Rule = 'codes' in rule
    ? rule
    : {
        name: rule.code,
        reads: rule.reads,
        codes: [{ code: rule.code, severity: rule.severity, title: rule.title, priority: rule.priority, ...(rule.explains ? { explains: rule.explains } : {}) }],
        check: rule.check,
      };
  for (const c of out.codes) if (!/^CC\d{4}$/.test(c.code)) throw new Error(`bad rule code ${c.code}`);
  return out;
}

/** The value of a section the rule declared in `reads`: the runner has checked it is there. */
export function need<K extends FactKey>(facts: Facts, key: K): NonNullable<Facts[K]> extends ProbeResult<infer T> ? T : NonNullable<Facts[K]> {
  const section = facts[key];
  const value = key === 'preflight' || key === 'io' ? section : okValue(section as ProbeResult<unknown> | undefined);
  if (value === undefined) throw new Error(`rule read "${key}" without declaring it in reads`);
  return value as never;
}

function present(facts: Facts, key: FactKey): boolean {
  const section = facts[key];
  if (section === undefined) return false;
  return key === 'preflight' || key === 'io' || (section as ProbeResult<unknown>).status === 'ok';
}

export function codesOf(rules: readonly Rule[]): CodeSpec[] {
  return rules.flatMap((r) => r.codes);
}

export function toFinding(rule: Rule, hit: Hit, shared?: ReadonlyMap<string, CodeSpec>): Finding {
  const own = hit.code === undefined ? rule.codes[0] : rule.codes.find((c) => c.code === hit.code);
  const spec = own ?? (hit.code !== undefined && rule.shares?.includes(hit.code) ? shared?.get(hit.code) : undefined);
  if (!spec || (hit.code === undefined && rule.codes.length > 1)) throw new Error(`hit names no code of ${rule.name}: ${hit.code ?? '(none)'}`);
  const finding: Finding = {
    code: spec.code,
    severity: hit.severity ?? spec.severity,
    title: spec.title,
    message: oneLine(hit.message),
    fix: oneLine(hit.fix),
    docs: docsPath(spec.code),
  };
  if (hit.file !== undefined) finding.file = oneLine(hit.file);
  if (hit.line !== undefined) finding.line = hit.line;
  if (hit.profile !== undefined) finding.profile = oneLine(hit.profile);
  if (hit.source !== undefined) finding.source = hit.source;
  return finding;
}

/**
 * Runs the rules whose facts are present, and returns their findings in priority order (stable).
 * A rule that throws becomes an internal-error finding instead of hiding the others.
 */
export function runRules(rules: readonly Rule[], given: Facts): Finding[] {
  // Refused reads/writes and inputs that could not be understood happen wherever a value was met;
  // every command reports them (fs-guard.ts, untrusted.ts).
  const facts: Facts = given.io ? given : { ...given, io: { refusals: guardRefusals().map((r) => ({ ...r })), unparsed: unparsedInputs().map((u) => ({ ...u })) } };
  const found: { finding: Finding; priority: number }[] = [];
  const specs = new Map(codesOf(rules).map((c) => [c.code, c]));
  for (const rule of rules) {
    if (!rule.reads.every((k) => present(facts, k))) continue;
    try {
      for (const hit of rule.check(facts)) {
        const finding = toFinding(rule, hit, specs);
        found.push({ finding, priority: specs.get(finding.code)?.priority ?? Number.MAX_SAFE_INTEGER });
      }
    } catch (error) {
      found.push({
        priority: -1,
        finding: {
          code: 'CC9001',
          severity: 'error',
          title: 'credcheck internal error',
          message: oneLine(`Rule ${rule.name} crashed: ${(error as Error)?.message ?? String(error)}`),
          fix: 'This is a bug in credcheck. Re-run with --debug and report it; the other findings are still valid.',
          docs: docsPath('CC9001'),
        },
      });
    }
  }
  return found.map((f, i) => ({ ...f, i })).sort((a, b) => a.priority - b.priority || a.i - b.i).map((f) => f.finding);
}

/** Drops findings another finding explains (declared with `explains`): doctor, where every area runs. */
export function dropExplained(findings: Finding[], rules: readonly Rule[]): Finding[] {
  const codes = new Set(findings.map((f) => f.code));
  const explainedBy = new Set(codesOf(rules).filter((c) => codes.has(c.code)).flatMap((c) => c.explains ?? []));
  return findings.filter((f) => !explainedBy.has(f.code));
}
