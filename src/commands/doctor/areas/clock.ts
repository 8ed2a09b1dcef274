import { formatDuration } from '../../../kernel/duration.js';
import { okValue } from '../../../kernel/probe.js';
import { probeClock } from '../../../areas/clock/probe.js';
import { clockJson } from '../../../areas/clock/render.js';
import { aheadBehind } from '../../../areas/clock/words.js';
import type { AreaPlugin } from '../plugin.js';

export const clockPlugin: AreaPlugin = {
  key: 'clock',
  title: 'Clock',
  // NTP gets 1.8 s and the Date header 1.9 s inside the probe, concurrently.
  deadlineMs: 2100,
  skip: ({ opts }) => (opts.offline ? '--offline: no NTP, no AWS Date header' : undefined),
  // A longer --timeout stretches the waits (a loaded machine answers late), never shortens them.
  probe: ({ env, remainingMs }) => probeClock({ env, ntpDeadlineMs: Math.max(1800, 0.6 * remainingMs()), awsDeadlineMs: Math.max(1900, 0.65 * remainingMs()) }),
  summarise(facts) {
    const c = okValue(facts.clock);
    if (!c) return '';
    if (c.offsetMs === undefined) return c.ntpAllSilent ? 'no reference answered (NTP looks blocked)' : 'no reference answered';
    return `${aheadBehind(c.offsetMs)} (±${formatDuration(c.uncertaintyMs ?? 0)}, by ${c.basis ?? 'best reference'})`;
  },
  json: (result) => clockJson(result as never),
};
