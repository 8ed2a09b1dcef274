import { hostname } from 'node:os';
import { paintSeverity, SYMBOL, wrap, type Style } from '../../kernel/style.js';
import type { AreaLine } from './areas.js';

const MARK: Record<AreaLine['state'], string> = { ok: SYMBOL.ok, info: SYMBOL.ok, warning: SYMBOL.warning, error: SYMBOL.error, skipped: '-', unknown: '?' };

/** Flutter-doctor style: one line per area with [✓] / [!] / [✗], then the findings. */
export function doctorBody(areas: AreaLine[], now: string, style: Style): string[] {
  const { c } = style;
  const lines = [c.bold(`credcheck doctor · ${hostname()} · ${now.slice(0, 19).replace('T', ' ')} UTC`), ''];
  for (const a of areas) {
    const sev = a.state === 'ok' || a.state === 'info' ? 'ok' : a.state === 'skipped' || a.state === 'unknown' ? 'info' : a.state;
    const mark = a.state === 'skipped' ? c.dim(`[${MARK[a.state]}]`) : paintSeverity(style, sev, `[${MARK[a.state]}]`);
    const head = `${mark} ${c.bold(a.title.padEnd(10))} `;
    const body = wrap(a.status, style.width, ' '.repeat(15)).trimStart();
    lines.push(a.state === 'skipped' ? c.dim(`${head}${body}`) : `${head}${body}`);
  }
  return lines;
}
