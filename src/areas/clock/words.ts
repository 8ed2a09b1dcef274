import { formatDuration } from '../../kernel/duration.js';

/**
 * offsetMs = local − reference: positive → "ahead", negative → "behind". Past a minute, round to
 * the nearest second (formatDuration truncates, which would print 251.9985 s as "4m11s").
 */
export function aheadBehind(offsetMs: number): string {
  if (Math.abs(offsetMs) < 0.5) return 'in step';
  const abs = Math.abs(offsetMs);
  return `${formatDuration(abs >= 60_000 ? Math.round(abs / 1000) * 1000 : abs)} ${offsetMs > 0 ? 'ahead' : 'behind'}`;
}

export const THRESHOLDS = { infoMs: 1_000, warningMs: 60_000, errorMs: 240_000 } as const;
