import { hostname } from 'node:os';
import type { DoctorOptions } from './command.js';
import { parseDuration } from '../../kernel/duration.js';
import { emitReport } from '../../kernel/emit.js';
import type { Facts } from '../../kernel/facts.js';
import { finish } from '../../kernel/finish.js';
import { writeErr } from '../../kernel/output.js';
import { runProbe, type ProbeResult } from '../../kernel/probe.js';
import { dropExplained, runRules } from '../../kernel/rule.js';
import { RULES } from '../../rules.js';
import { areaLine, type AreaKey, type AreaLine } from './areas.js';
import type { DoctorContext } from './plugin.js';
import { PLUGINS } from './areas/index.js';
import { doctorBody } from './render.js';

/**
 * Runs every area concurrently, each under its own deadline and all under one overall deadline,
 * so a black-holed network can slow doctor down but never make it hang.
 */
export async function runDoctor(opts: DoctorOptions): Promise<void> {
  const overallMs = parseDuration(opts.timeout, '--timeout');
  const started = performance.now();
  const now = new Date().toISOString();
  const results = new Map<AreaKey, Promise<ProbeResult<unknown> | undefined>>();
  const skipped = new Map<AreaKey, string>();
  const areaMs = new Map<AreaKey, number>();
  const ctx: DoctorContext = {
    opts,
    env: process.env,
    await: (key) => (results.get(key) ?? Promise.resolve(undefined)) as never,
    remainingMs: () => Math.max(0, overallMs - (performance.now() - started)),
  };
  for (const plugin of PLUGINS) {
    const why = plugin.skip?.(ctx);
    if (why) {
      skipped.set(plugin.key, why);
      results.set(plugin.key, Promise.resolve(undefined));
      continue;
    }
    // Probes start in order but run concurrently; one that needs another awaits it inside.
    results.set(plugin.key, Promise.resolve().then(async () => {
      const t = performance.now();
      const result = await runProbe(plugin.title, Math.max(1, Math.min(plugin.deadlineMs, ctx.remainingMs())), () => plugin.probe(ctx));
      areaMs.set(plugin.key, Math.round(performance.now() - t));
      return result;
    }));
  }
  const facts: Facts = { now };
  for (const plugin of PLUGINS) {
    const result = await results.get(plugin.key);
    if (result) (facts as unknown as Record<string, unknown>)[plugin.key] = result;
  }
  // Where every area runs, a finding another one explains only restates its cause.
  const findings = dropExplained(runRules(RULES, facts), RULES);
  const areas: AreaLine[] = PLUGINS.map((p) => areaLine(p.key, p.title, (facts as unknown as Record<string, ProbeResult<unknown>>)[p.key], findings, p.summarise, facts, skipped.get(p.key)));
  const json: Record<string, unknown> = {
    host: hostname(),
    elapsedMs: Math.round(performance.now() - started),
    areas: areas.map(({ key, state, status }) => ({ area: key, state, status })),
  };
  for (const plugin of PLUGINS) {
    const result = (facts as unknown as Record<string, ProbeResult<unknown>>)[plugin.key];
    if (result) json[plugin.key] = plugin.json ? plugin.json(result) : result;
  }
  // Where the time went, for "why is doctor slow here?" (an area's time includes what it awaited).
  if (opts.debug) await writeErr(`[timing] ${[...areaMs].map(([k, ms]) => `${k} ${ms} ms`).join(' · ')} · total ${json.elapsedMs} ms\n`);
  const code = await emitReport({ command: 'doctor', json, findings, infoOnlyWhenVerbose: true, body: (style) => doctorBody(areas, now, style) }, opts, now);
  finish(code);
}
