import { defineRule } from '../../kernel/rule.js';
import { okValue } from '../../kernel/probe.js';
import { formatDuration } from '../../kernel/duration.js';

/** SDKs refresh credentials 5 minutes before expiry by the LOCAL clock: a clock behind that much refreshes too late. */
const SDK_REFRESH_WINDOW_MS = 5 * 60_000;
const TIME_CODES = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'SignatureDoesNotMatch', 'RequestTimeTooSkewed']);

export default defineRule({
  code: 'CC6101',
  severity: 'error',
  title: 'Credentials rejected on time while this clock is off: fix the clock first',
  priority: 10,
  reads: ['identity'],
  check(facts) {
    const id = okValue(facts.identity);
    const clock = okValue(facts.clock);
    const code = id?.error?.code;
    if (!id || id.ok || !code || !TIME_CODES.has(code)) return [];
    // Both are local − reference; prefer the measured clock over the single Date header.
    const offset = clock?.offsetMs ?? id.clockOffsetMs;
    if (offset === undefined || Math.abs(offset) < 60_000) return [];
    const behind = offset < 0;
    const how = `${formatDuration(Math.abs(offset))} ${behind ? 'behind' : 'ahead of'} AWS`;
    const why = behind && Math.abs(offset) >= SDK_REFRESH_WINDOW_MS
      ? 'SDKs refresh temporary credentials 5 minutes before they expire by this clock, so with this clock that far behind they keep using credentials AWS already considers expired'
      : 'AWS rejects signatures dated more than about 5 minutes from its own time, and tools without the JavaScript SDK\'s silent skew correction fail every call';
    return [{
      message: `STS answered ${code} and this host's clock is ${how}: ${why}. New credentials will fail the same way until the clock is right.`,
      fix: 'Fix time sync before touching credentials: `chronyc makestep` (chrony) or `timedatectl set-ntp true`; on EC2 use Amazon Time Sync (169.254.169.123). Then re-run `credcheck doctor`.',
      source: 'clock + identity',
    }];
  },
});
