import { defineArea, type AreaOptions } from '../../kernel/area.js';
import { formatDuration } from '../../kernel/duration.js';
import { UsageError } from '../../kernel/errors.js';
import { okValue } from '../../kernel/probe.js';
import { parseServer } from './ntp.js';
import { clockBody, clockJson } from './render.js';
import { aheadBehind } from './words.js';

export interface ClockCommandOptions extends AreaOptions {
  server?: string[];
  stsEndpoint?: string;
}

export const clockArea = defineArea<ClockCommandOptions>({
  key: 'clock',
  title: 'Clock',
  command: {
    task: 'checking the clock',
    // Outer bound above the probe's own deadlines (~2 s): a safety net, not the expected path.
    deadlineMs: 2400,
    validate(opts) {
      for (const s of opts.server ?? []) {
        try {
          parseServer(s);
        } catch (error) {
          throw new UsageError(`--server: ${(error as Error).message}`);
        }
      }
      if (opts.stsEndpoint !== undefined && !/^https?:\/\/[^\s]+$/.test(opts.stsEndpoint)) {
        throw new UsageError(`--sts-endpoint: "${opts.stsEndpoint}" is not an http(s) URL`);
      }
    },
  },
  // NTP and the Date header get 1.5 s each inside the probe, concurrently: room left for start-up under load.
  deadlineMs: 2100,
  skip: ({ opts }) => (opts.offline ? '--offline: no NTP, no AWS Date header' : undefined),
  // In doctor a longer --timeout stretches the waits (a loaded machine answers late), never shortens them;
  // at the default 3 s they stay 1.5 s so a black-holed network costs doctor ~2 s in all.
  probe: async ({ env, opts, mode, remainingMs }) => (await import('./probe.js')).probeClock({ env, servers: opts.server, stsEndpoint: opts.stsEndpoint, ...(mode === 'doctor' ? { ntpDeadlineMs: Math.max(1500, 0.5 * remainingMs()), awsDeadlineMs: Math.max(1500, 0.5 * remainingMs()) } : {}) }),
  summary(facts) {
    const c = okValue(facts.clock);
    if (!c) return '';
    if (c.offsetMs === undefined) return c.ntpAllSilent ? 'no reference answered (NTP looks blocked)' : 'no reference answered';
    return `${aheadBehind(c.offsetMs)} (±${formatDuration(c.uncertaintyMs ?? 0)}, by ${c.basis ?? 'best reference'})`;
  },
  json: (result) => clockJson(result as never),
  report: {
    json: (result) => clockJson(result as never),
    body: (result, _facts, style) => clockBody(result as never, style),
  },
});
