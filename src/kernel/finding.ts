/** The one shape every problem credcheck reports takes, in every command and format. */
export type Severity = 'error' | 'warning' | 'info';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export interface Finding {
  /** Stable code, e.g. CC1001. Never reused once retired. */
  code: string;
  severity: Severity;
  title: string;
  /** What we saw, with evidence. Never contains a secret: evidence is redacted where it is made. */
  message: string;
  /** What to do, concretely. */
  fix: string;
  file?: string;
  line?: number;
  profile?: string;
  source?: string;
  /** Path of the page inside the package, also shown by `credcheck explain CODE`. */
  docs: string;
}

export function docsPath(code: string): string {
  return `docs/findings/${code}.md`;
}

/**
 * Most severe first; stable for equal severities so rule order (importance) is kept. Findings
 * `lead` picks come first whatever their severity (doctor --pid: the process asked about).
 */
export function sortFindings(findings: Finding[], lead?: (f: Finding) => boolean): Finding[] {
  const first = (f: Finding) => (lead?.(f) ? 1 : 0);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => first(b.f) - first(a.f) || SEVERITY_RANK[b.f.severity] - SEVERITY_RANK[a.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}
