import type { Finding } from '../../kernel/finding.js';
import { UNREACHED } from '../../areas/chain/rules/CC2005-link-failed-silently.js';

/**
 * Findings that only restate another one's cause in doctor, where every area runs: identity's
 * "no credentials to ask STS" adds nothing once the chain has said why there are none. The
 * subcommands still report them, since there they stand alone.
 */
const RESTATES: Record<string, string[]> = {
  CC3015: ['CC2006', 'CC2005', 'CC2007'],
};

/** Identity's diagnosis of an endpoint that could not be reached (the same failure the chain saw). */
const UNREACHABLE_STS = ['CC3010', 'CC3011', 'CC3012', 'CC3013', 'CC3014'];

export function dropRedundant(findings: Finding[]): Finding[] {
  const codes = new Set(findings.map((f) => f.code));
  return findings.filter((f) => {
    if ((RESTATES[f.code] ?? []).some((cause) => codes.has(cause))) return false;
    // A chain link that failed for want of the network restates identity's network diagnosis.
    if (f.code === 'CC2005' && UNREACHED.test(f.message) && UNREACHABLE_STS.some((c) => codes.has(c))) return false;
    return true;
  });
}
