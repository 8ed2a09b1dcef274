import type { ClockCommandOptions } from './command.js';
import { emitReport } from '../../kernel/emit.js';
import type { Facts } from '../../kernel/facts.js';
import { finish } from '../../kernel/finish.js';
import { runProbe } from '../../kernel/probe.js';
import { runRules } from '../../kernel/rule.js';
import { RULES } from '../../rules.js';
import { UsageError } from '../../kernel/errors.js';
import { parseServer } from './ntp.js';
import { probeClock } from './probe.js';
import { clockBody, clockJson } from './render.js';

/** Outer bound above the probe's own deadlines (~2 s): a safety net, not the expected path. */
const CLOCK_PROBE_DEADLINE_MS = 2400;

export async function runClock(opts: ClockCommandOptions): Promise<void> {
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
  const now = new Date().toISOString();
  const clock = await runProbe('checking the clock', CLOCK_PROBE_DEADLINE_MS, () =>
    probeClock({ env: process.env, servers: opts.server, stsEndpoint: opts.stsEndpoint }),
  );
  const facts: Facts = { now, clock };
  const findings = runRules(RULES, facts);
  const code = await emitReport({ command: 'clock', json: clockJson(clock), findings, body: (style) => clockBody(clock, style) }, opts, now);
  finish(code);
}
