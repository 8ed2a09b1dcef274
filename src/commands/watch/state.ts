/** Pure decisions over observations, so they are testable without timers or files. */

export function intervalStats(intervals: number[]): { min: number; median: number; max: number } | null {
  if (intervals.length === 0) return null;
  const s = [...intervals].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
  return { min: s[0]!, median, max: s[s.length - 1]! };
}

export type ExpiryState = 'ok' | 'expiring' | 'expired';

/** Where the current keys stand against their expiry and the --warn-before margin. */
export function expiryState(expirationMs: number | undefined, nowMs: number, warnBeforeMs: number): ExpiryState {
  if (expirationMs === undefined) return 'ok';
  if (nowMs >= expirationMs) return 'expired';
  if (expirationMs - nowMs < warnBeforeMs) return 'expiring';
  return 'ok';
}

/**
 * A rotation is overdue when the learned cadence × 1.5 has passed since the last one (needs at
 * least two intervals to have a cadence), or when the known expiry passed without a rotation.
 */
export function isStalled(lastRotationMs: number | undefined, intervals: number[], expirationMs: number | undefined, nowMs: number): boolean {
  if (expirationMs !== undefined && nowMs >= expirationMs) return true;
  if (lastRotationMs === undefined || intervals.length < 2) return false;
  const cadence = intervalStats(intervals)!.median;
  return nowMs - lastRotationMs > cadence * 1.5;
}
