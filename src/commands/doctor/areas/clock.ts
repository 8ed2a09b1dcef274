import { formatDuration } from '../../../kernel/duration.js';
import { okValue } from '../../../kernel/probe.js';
import { probeClock } from '../../../areas/clock/probe.js';
import { clockJson } from '../../../areas/clock/render.js';
import { aheadBehind } from '../../../areas/clock/words.js';
import type { AreaPlugin } from '../plugin.js';

export const clockPlugin: AreaPlugin = {
  key: 'clock',
  title: 'Clock',
  // NTP and the Date header get 1.5 s each inside the probe, concurrently: room left for start-up under load.
  deadlineMs: 2100,
  skip: ({ opts }) => (opts.offline ? '--offline: no NTP, no AWS Date header' : undefined),
  probe: ({ env }) => probeClock({ env }),
  summarise(facts) {
    const c = okValue(facts.clock);
    if (!c) return '';
    if (c.offsetMs === undefined) return c.ntpAllSilent ? 'no reference answered (NTP looks blocked)' : 'no reference answered';
    return `${aheadBehind(c.offsetMs)} (±${formatDuration(c.uncertaintyMs ?? 0)}, by ${c.basis ?? 'best reference'})`;
  },
  json: (result) => clockJson(result as never),
};
