import type { ExtraBench } from './bench.js';

/**
 * `credcheck chain` with IMDS and STS black-holed (bench.ts's env): the static [default] profile
 * wins, and the IMDS link (probed to report shadowing) is bounded at ~1 s instead of the SDK's ~2 s.
 * A second row with AWS_EC2_METADATA_DISABLED shows the cost without any remote link, and
 * --offline the cost with no network at all.
 */
export const benchChain: ExtraBench = async ({ env, time, bin }) => [
  time('credcheck chain (IMDS black hole)', process.execPath, [bin, 'chain'], env, 7),
  time('credcheck chain (IMDS disabled)', process.execPath, [bin, 'chain'], { ...env, AWS_EC2_METADATA_DISABLED: 'true' }, 7),
  time('credcheck chain --offline', process.execPath, [bin, 'chain', '--offline'], env, 7),
];
