import type { ClockReference } from './facts.js';

/**
 * Which clock is wrong when the references disagree. AWS's clock (the Date header of the STS
 * endpoint) is what judges a signature, so when it answered it is the judge; without it, the
 * references that agree with one another outvote the one that does not. A reference that disagrees
 * with the judge is wrong itself: never a reason to step this host's clock.
 */
export interface Arbitration {
  /** The reference this host's offset is read from (the most precise one agreeing with the judge). */
  basis?: ClockReference;
  /** How the truth was decided. */
  judge?: 'aws-date' | 'agreement' | 'only-reference' | 'most-precise';
  /** References that disagree with the truth; offByMs = reference's clock − true time. */
  wrong: Array<{ ref: ClockReference; offByMs: number }>;
}

import { REFERENCES_AGREE_SLACK_MS as SLACK_MS } from './words.js';

function measured(r: ClockReference): boolean {
  return r.kind !== 'daemon' && r.offsetMs !== undefined && r.uncertaintyMs !== undefined && !r.error;
}

export function agree(a: ClockReference, b: ClockReference): boolean {
  return Math.abs(a.offsetMs! - b.offsetMs!) <= a.uncertaintyMs! + b.uncertaintyMs! + SLACK_MS;
}

const byPrecision = (a: ClockReference, b: ClockReference) => a.uncertaintyMs! - b.uncertaintyMs!;

export function arbitrate(references: ClockReference[]): Arbitration {
  const refs = references.filter(measured);
  if (refs.length === 0) return { wrong: [] };
  // offsetMs is local − reference, so a reference's own error against the truth is truth − reference.
  const wrongAgainst = (truth: ClockReference, group: ClockReference[]) =>
    refs.filter((r) => !group.includes(r)).map((ref) => ({ ref, offByMs: truth.offsetMs! - ref.offsetMs! }));
  const aws = refs.find((r) => r.kind === 'aws-date');
  if (aws) {
    const group = refs.filter((r) => r === aws || agree(r, aws));
    return { basis: [...group].sort(byPrecision)[0]!, judge: 'aws-date', wrong: wrongAgainst(aws, group) };
  }
  if (refs.length === 1) return { basis: refs[0]!, judge: 'only-reference', wrong: [] };
  // No AWS clock: the largest group of references that agree with each other decides.
  const groups = refs.map((r) => refs.filter((q) => q === r || agree(q, r)));
  const best = groups.sort((a, b) => b.length - a.length || byPrecision([...a].sort(byPrecision)[0]!, [...b].sort(byPrecision)[0]!))[0]!;
  if (best.length < 2) return { basis: [...refs].sort(byPrecision)[0]!, judge: 'most-precise', wrong: [] };
  const basis = [...best].sort(byPrecision)[0]!;
  return { basis, judge: 'agreement', wrong: wrongAgainst(basis, best) };
}
