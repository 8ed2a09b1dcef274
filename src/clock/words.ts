import { formatDuration } from '../core/duration.js';

/** offsetMs = local − reference: positive → "ahead", negative → "behind". */
export function aheadBehind(offsetMs: number): string {
  if (Math.abs(offsetMs) < 0.5) return 'in step';
  return `${formatDuration(Math.abs(offsetMs))} ${offsetMs > 0 ? 'ahead' : 'behind'}`;
}

export const THRESHOLDS = { infoMs: 1_000, warningMs: 60_000, errorMs: 240_000 } as const;
