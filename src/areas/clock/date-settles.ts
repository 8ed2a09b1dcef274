import type { Bracket } from './aws-date.js';
import type { ClockReference } from './facts.js';
import { REFERENCES_AGREE_SLACK_MS, THRESHOLDS } from './words.js';

/**
 * Whether refining the AWS Date header's bracket [lo, hi] (local − AWS, ms) could still change a
 * verdict. Refining only ever narrows the bracket, so a verdict is final when it holds for every
 * offset inside it:
 * - severity: the clock rule judges the part of the offset it is sure of (the bracket's distance
 *   from zero); no threshold may lie between that and the bracket's far end;
 * - agreement with the best NTP answer: either the whole bracket lies within the agreement band
 *   around NTP's reading, or NTP lies outside the band around the whole bracket (disagreement).
 * `ntp` is undefined while the NTP probe is still running: not settled yet.
 */
export function dateSettles(b: Bracket, ntp: ClockReference[] | undefined): boolean {
  if (!ntp) return false;
  const sure = b.lo <= 0 && b.hi >= 0 ? 0 : Math.min(Math.abs(b.lo), Math.abs(b.hi));
  const far = Math.max(Math.abs(b.lo), Math.abs(b.hi));
  if (Object.values(THRESHOLDS).some((t) => sure < t && t <= far)) return false;
  const best = ntp
    .filter((r) => r.offsetMs !== undefined && r.uncertaintyMs !== undefined && !r.error)
    .sort((x, y) => x.uncertaintyMs! - y.uncertaintyMs!)[0];
  if (!best) return true;
  const band = best.uncertaintyMs! + REFERENCES_AGREE_SLACK_MS;
  const agrees = b.lo >= best.offsetMs! - band && b.hi <= best.offsetMs! + band;
  const disagrees = best.offsetMs! < b.lo - band || best.offsetMs! > b.hi + band;
  return agrees || disagrees;
}
