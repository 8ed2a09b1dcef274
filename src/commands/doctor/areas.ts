import type { Facts } from '../../kernel/facts.js';
import type { Finding, Severity } from '../../kernel/finding.js';
import { SEVERITY_RANK } from '../../kernel/finding.js';
import type { ProbeResult } from '../../kernel/probe.js';
import type { AreaKey } from '../../kernel/area.js';
import { oneLine } from '../../kernel/controls.js';


export interface AreaLine {
  key: AreaKey;
  title: string;
  state: 'ok' | Severity | 'skipped' | 'unknown';
  status: string;
}

/** Which area a finding belongs to, by its code range (CC61xx are cross-area diagnoses). */
export function areaOfCode(code: string): AreaKey | undefined {
  const n = Number(code.slice(2));
  if (n >= 1000 && n < 2000) return 'files';
  if (n >= 2000 && n < 3000) return 'chain';
  if (n >= 3000 && n < 4000) return 'identity';
  if (n >= 4000 && n < 5000) return 'clock';
  if (n >= 5000 && n < 6000) return 'imds';
  if (n >= 6000 && n < 6100) return 'processes';
  return undefined;
}

export function worst(findings: Finding[]): Severity | undefined {
  let w: Severity | undefined;
  for (const f of findings) if (!w || SEVERITY_RANK[f.severity] > SEVERITY_RANK[w]) w = f.severity;
  return w;
}

/** Each area's one-line status; areas plug in their own summariser. */
export type Summariser = (facts: Facts) => string;

export function areaLine(key: AreaKey, title: string, result: ProbeResult<unknown> | undefined, findings: Finding[], summarise: Summariser, facts: Facts, skippedWhy?: string): AreaLine {
  if (skippedWhy) return { key, title, state: 'skipped', status: skippedWhy };
  if (!result) return { key, title, state: 'skipped', status: 'not checked' };
  if (result.status === 'unavailable') return { key, title, state: 'unknown', status: oneLine(`could not check: ${result.reason}`) };
  if (result.status === 'crashed') return { key, title, state: 'error', status: oneLine(`credcheck failed here: ${result.error}`) };
  const mine = findings.filter((f) => areaOfCode(f.code) === key);
  return { key, title, state: worst(mine) ?? 'ok', status: oneLine(summarise(facts)) };
}
