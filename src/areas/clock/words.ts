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

/**
 * Two references agree when their readings overlap within their uncertainties plus this much.
 * Below the info threshold no verdict changes, so a finer agreement is not worth waiting for: the
 * AWS Date header has 1 s resolution, and refining it costs up to a second per step.
 */
export const REFERENCES_AGREE_SLACK_MS = THRESHOLDS.infoMs;
