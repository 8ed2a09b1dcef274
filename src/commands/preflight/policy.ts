import { atOrAbove, type Finding } from '../../kernel/finding.js';
import { UNREACHED } from '../../areas/chain/rules/CC2005-link-failed-silently.js';

/** The file (CC1xxx) and chain (CC2xxx) rules doctor runs; preflight keeps what a job must act on. */
const LOCAL = /^CC[12]\d{3}$/;

/**
 * Which findings a CI gate shows: the file and chain causes at warning or worse, and its own
 * checks — without the ones that only restate a cause already named (declared here, per code).
 */
const RESTATED_BY: Record<string, (codes: Set<string>, findings: Finding[]) => boolean> = {
  // "No credentials for the job" when a missing profile, a dropped header or a failing link says why.
  CC8001: (_c, fs) => fs.some((f) => LOCAL.test(f.code) && f.severity === 'error'),
  // A chain link that could not reach STS, when the identity check already names the failure.
  CC2005: (codes, fs) => codes.has('CC8002') && fs.some((f) => f.code === 'CC2005' && UNREACHED.test(f.message)),
  // The chain's "expires within 15 minutes" when the TTL check already fails on the same expiry.
  CC2004: (codes) => codes.has('CC8003'),
};

export function preflightFindings(all: Finding[]): Finding[] {
  const kept = all.filter((f) => !LOCAL.test(f.code) || atOrAbove(f.severity, 'warning'));
  const codes = new Set(kept.map((f) => f.code));
  return kept.filter((f) => !RESTATED_BY[f.code]?.(codes, kept));
}
