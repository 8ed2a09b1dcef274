import type { ProbeResult } from '../../kernel/probe.js';
import { paintSeverity, SYMBOL, type Style } from '../../kernel/style.js';
import type { ClockFacts, ClockReference } from './facts.js';
import { aheadBehind } from './words.js';

/** The --json facts of `credcheck clock` (documented in the README). */
export function clockJson(result: ProbeResult<ClockFacts>): Record<string, unknown> {
  if (result.status !== 'ok') return { probe: result };
  const f = result.value;
  return {
    offsetMs: f.offsetMs ?? null,
    uncertaintyMs: f.uncertaintyMs ?? null,
    basis: f.basis ?? null,
    references: f.references.map((r) => ({
      name: r.name,
      kind: r.kind,
      server: r.server,
      offsetMs: r.offsetMs ?? null,
      delayMs: r.delayMs ?? null,
      ...(r.uncertaintyMs !== undefined ? { uncertaintyMs: r.uncertaintyMs } : {}),
      ...(r.stratum !== undefined ? { stratum: r.stratum } : {}),
      ...(r.leap !== undefined ? { leap: r.leap } : {}),
      ...(r.kissCode ? { kissCode: r.kissCode } : {}),
      ...(r.samples !== undefined ? { samples: r.samples } : {}),
      ...(r.synchronised !== undefined ? { synchronised: r.synchronised } : {}),
      ...(r.error ? { error: r.error } : {}),
    })),
    ntpServers: f.ntpServers,
    ntpAllSilent: f.ntpAllSilent,
    onEc2: f.onEc2,
    ...(f.stsEndpoint ? { stsEndpoint: f.stsEndpoint } : {}),
  };
}

function refLine(r: ClockReference, style: Style): string {
  const { c } = style;
  const label = `${r.kind.padEnd(8)} ${r.server}`;
  if (r.error && r.offsetMs === undefined) {
    return `${paintSeverity(style, 'warning', SYMBOL.warning)} ${label} ${c.dim(`(${r.error.kind}: ${r.error.message})`)}`;
  }
  if (r.offsetMs === undefined) {
    return `${paintSeverity(style, 'ok', SYMBOL.ok)} ${label} ${c.dim(`(${r.synchronised ? 'says synchronised' : 'no offset reported'})`)}`;
  }
  const bits = [
    r.uncertaintyMs !== undefined ? `±${r.uncertaintyMs} ms` : undefined,
    r.delayMs !== undefined ? `delay ${r.delayMs} ms` : undefined,
    r.stratum !== undefined ? `stratum ${r.stratum}` : undefined,
    r.samples !== undefined ? `${r.samples} sample${r.samples === 1 ? '' : 's'}` : undefined,
    r.error ? `${r.error.kind}: ${r.error.message}` : undefined,
  ].filter(Boolean);
  return `${paintSeverity(style, r.error ? 'warning' : 'ok', r.error ? SYMBOL.warning : SYMBOL.ok)} ${label}: local clock ${aheadBehind(r.offsetMs)} (offset ${r.offsetMs} ms) ${c.dim(`(${bits.join(', ')})`)}`;
}

export function clockBody(result: ProbeResult<ClockFacts>, style: Style): string[] {
  if (result.status !== 'ok') return [`Could not check the clock: ${result.status === 'unavailable' ? result.reason : result.error}`];
  const f = result.value;
  const head =
    f.offsetMs === undefined
      ? 'No time reference answered: the clock could not be checked.'
      : `This clock is ${aheadBehind(f.offsetMs)} (offset ${f.offsetMs} ms ± ${f.uncertaintyMs} ms, by ${f.basis}).`;
  return [head, '', ...f.references.map((r) => refLine(r, style)), '', style.c.dim('offset = local clock − reference; positive = local clock ahead.')];
}
