import { UsageError } from './errors.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses "90s", "5m", "1h30m", "250ms", or a bare number of seconds. */
export function parseDuration(text: string, flag = 'duration'): number {
  const t = String(text).trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1000);
  const parts = [...t.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== t) {
    throw new UsageError(`${flag}: "${text}" is not a duration (examples: 90s, 5m, 1h30m, 250ms)`);
  }
  return Math.round(parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_MS[p[2]!]!, 0));
}

/** "4m12s", "1h05m", "850ms": short, human, exact enough for a terminal. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(Math.round(ms));
  if (rest < 1000) return `${sign}${rest}ms`;
  if (rest < 60_000) return `${sign}${(rest / 1000).toFixed(rest < 10_000 ? 1 : 0)}s`;
  const d = Math.floor(rest / 86_400_000);
  rest -= d * 86_400_000;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  if (d > 0) return `${sign}${d}d${h}h`;
  if (h > 0) return `${sign}${h}h${String(m).padStart(2, '0')}m`;
  return `${sign}${m}m${String(s).padStart(2, '0')}s`;
}
