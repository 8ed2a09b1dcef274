/**
 * Spaces calls out: every call waits until at least `minGapMs` after the previous one, whichever
 * source asked, so a burst of rotations on many sources never becomes a burst of STS calls.
 */
export class RateLimiter {
  private next = 0;
  constructor(private readonly minGapMs: number) {}

  /** Milliseconds to wait before the caller may go (and reserves that slot). */
  reserve(now = Date.now()): number {
    const at = Math.max(now, this.next);
    this.next = at + this.minGapMs;
    return at - now;
  }
}

/** interval ± 20 %, so a fleet started together does not call STS in lockstep. */
export function jittered(intervalMs: number, random = Math.random): number {
  return Math.round(intervalMs * (0.8 + 0.4 * random()));
}
