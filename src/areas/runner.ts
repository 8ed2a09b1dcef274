import type { AreaContext, AreaDefinition, AreaKey, AreaOptions } from '../kernel/area.js';
import { emitReport } from '../kernel/emit.js';
import type { Facts } from '../kernel/facts.js';
import { finish } from '../kernel/finish.js';
import { runProbe, type ProbeResult } from '../kernel/probe.js';
import { runRules } from '../kernel/rule.js';
import { loadAreas } from './index.js';
import { SharedResolution } from '../sdk/shared-resolution.js';

export interface AreaRun {
  facts: Facts;
  /** Areas doctor skipped, with the reason (e.g. --offline). */
  skipped: Map<AreaKey, string>;
  /** How long each area took (including what it awaited), for doctor --debug. */
  ms: Map<AreaKey, number>;
}

/**
 * The one runner: probes the given areas concurrently, each under its own deadline (and, in doctor,
 * all under one overall deadline), so a black-holed network can slow a run down but never hang it.
 */
export async function probeAreas(areas: readonly AreaDefinition[], opts: AreaOptions, mode: AreaContext['mode'], overallMs = Number.POSITIVE_INFINITY): Promise<AreaRun> {
  const started = performance.now();
  const facts: Facts = { now: new Date().toISOString() };
  const results = new Map<AreaKey, Promise<ProbeResult<unknown> | undefined>>();
  const skipped = new Map<AreaKey, string>();
  const ms = new Map<AreaKey, number>();
  const ctx: AreaContext = {
    opts,
    env: process.env,
    mode,
    await: (key) => (results.get(key) ?? Promise.resolve(undefined)) as never,
    remainingMs: () => Math.max(0, overallMs - (performance.now() - started)),
    shared: new SharedResolution(),
  };
  for (const area of areas) {
    // Areas run together (doctor, preflight) honour --offline by skipping; run alone, an area answers.
    const why = mode !== 'command' ? area.skip?.(ctx) : undefined;
    if (why) {
      skipped.set(area.key, why);
      results.set(area.key, Promise.resolve(undefined));
      continue;
    }
    const label = mode === 'command' && area.command ? area.command.task : area.title;
    // In doctor each area's outer guard is the overall deadline: the waits that classify a failure
    // (the SDK's 1 s IMDS timeout, STS's budget) are bounded inside the probes, so a loaded machine
    // given a longer --timeout gets a complete answer instead of areas cut off at a fixed 1.5 s.
    const deadline = mode === 'command' && area.command ? area.command.deadlineMs : mode !== 'command' ? Number.POSITIVE_INFINITY : area.deadlineMs;
    // Probes start in order but run concurrently; one that needs another awaits it inside.
    results.set(area.key, Promise.resolve().then(async () => {
      const t = performance.now();
      const result = await runProbe(label, Math.max(1, Math.floor(Math.min(deadline, ctx.remainingMs()))), () => area.probe(ctx));
      ms.set(area.key, Math.round(performance.now() - t));
      return result;
    }));
  }
  for (const area of areas) {
    const result = await results.get(area.key);
    if (result) (facts as unknown as Record<string, unknown>)[area.key] = result;
  }
  return { facts, skipped, ms };
}

/** A single-area command (file, chain, identity, clock, imds): its area, what it needs, the rules, the report. */
export async function runAreaCommand(area: AreaDefinition, opts: AreaOptions, name: string): Promise<void> {
  if (!area.command || !area.report) throw new Error(`area ${area.key} has no command`);
  area.command.validate?.(opts);
  const needed = await loadAreas(area.needs ?? []);
  const probing = probeAreas([...needed, area], opts, 'command');
  // The rules (and the SDK models some read) load while the probes wait on I/O, not before them.
  probing.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  const { RULES } = await import('../rules.js');
  const { facts } = await probing;
  const result = (facts as unknown as Record<string, ProbeResult<unknown>>)[area.key]!;
  const findings = runRules(RULES, facts);
  const { report } = area;
  const code = await emitReport({ command: name, json: report.json(result), findings, body: (style) => report.body(result, facts, style) }, opts, facts.now);
  finish(code);
}
