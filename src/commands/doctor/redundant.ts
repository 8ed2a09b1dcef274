import type { Finding } from '../../kernel/finding.js';

/**
 * Findings that only restate another one's cause in doctor, where every area runs: identity's
 * "no credentials to ask STS" adds nothing once the chain has said why there are none. The
 * subcommands still report them, since there they stand alone.
 */
const RESTATES: Record<string, string[]> = {
  CC3015: ['CC2006', 'CC2005'],
};

export function dropRedundant(findings: Finding[]): Finding[] {
  const codes = new Set(findings.map((f) => f.code));
  return findings.filter((f) => !(RESTATES[f.code] ?? []).some((cause) => codes.has(cause)));
}
