import { hostname } from 'node:os';
import type { DoctorOptions } from './options.js';
import { loadAreas } from '../../areas/index.js';
import { probeAreas } from '../../areas/runner.js';
import { parseDuration } from '../../kernel/duration.js';
import { emitReport } from '../../kernel/emit.js';
import { finish } from '../../kernel/finish.js';
import { writeErr } from '../../kernel/output.js';
import type { ProbeResult } from '../../kernel/probe.js';
import { dropExplained, runRules } from '../../kernel/rule.js';
import { areaLine, type AreaLine } from './areas.js';
import { doctorBody } from './render.js';
import { coverageOf } from './coverage.js';

/** With --pid the question is about those processes: their diagnosis (CC60xx, CC61xx) leads. */
const aboutTheProcesses = (f: { code: string; severity: string; source?: string }) => f.severity !== 'info' && /^CC6[01]\d\d$/.test(f.code) && (f.source ?? '').startsWith('pid ');

/** Every area through the one runner, all under doctor's overall deadline. */
export async function runDoctor(opts: DoctorOptions): Promise<void> {
  const overallMs = parseDuration(opts.timeout, '--timeout');
  const started = performance.now();
  const AREAS = await loadAreas();
  const probing = probeAreas(AREAS, opts, 'doctor', overallMs);
  // The rules (and the SDK models some read) load while the probes wait on I/O, not before them.
  probing.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  const { RULES } = await import('../../rules.js');
  const { facts, skipped, ms: areaMs } = await probing;
  const { now } = facts;
  const byKey = facts as unknown as Record<string, ProbeResult<unknown>>;
  // Where every area runs, a finding another one explains only restates its cause.
  const findings = dropExplained(runRules(RULES, facts), RULES);
  const areas: AreaLine[] = AREAS.map((a) => areaLine(a.key, a.title, byKey[a.key], findings, a.summary, facts, skipped.get(a.key)));
  const coverage = coverageOf(areas, opts.timeout);
  const json: Record<string, unknown> = {
    host: hostname(),
    elapsedMs: Math.round(performance.now() - started),
    areas: areas.map(({ key, state, status }) => ({ area: key, state, status })),
  };
  for (const area of AREAS) {
    const result = byKey[area.key];
    if (result) json[area.key] = area.json ? area.json(result) : result;
  }
  // Where the time went, for "why is doctor slow here?" (an area's time includes what it awaited).
  // performance.now() counts from process start: `start-up` is what loading credcheck cost before any probe.
  if (opts.debug) await writeErr(`[timing] start-up ${Math.round(started)} ms · ${[...areaMs].map(([k, ms]) => `${k} ${ms} ms`).join(' · ')} · total ${json.elapsedMs} ms\n`);
  const code = await emitReport({ command: 'doctor', json, findings, coverage, ...(opts.pid.length || opts.processes ? { lead: aboutTheProcesses } : {}), infoOnlyWhenVerbose: true, body: (style) => doctorBody(areas, now, style) }, opts, now);
  finish(code);
}
