import { Chalk, type ChalkInstance } from 'chalk';
import type { Severity } from './finding.js';

/** How text output looks: colour decided once, here, so no renderer sniffs the terminal itself. */
export interface Style {
  c: ChalkInstance;
  color: boolean;
  showKeyIds: boolean;
  verbose: boolean;
  width: number;
}

/**
 * Precedence: --color/--no-color, then NO_COLOR (any non-empty value), then FORCE_COLOR
 * ("0"/"false" = off), then colour only when stdout is a TTY and TERM is not "dumb".
 */
export function decideColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR);
  return isTTY && env.TERM !== 'dumb';
}

export function makeStyle(opts: { color?: boolean; showKeyIds?: boolean; verbose?: boolean }, env = process.env): Style {
  const color = decideColor(opts.color, env, Boolean(process.stdout.isTTY));
  const columns = process.stdout.isTTY ? process.stdout.columns || 80 : 80;
  return {
    c: new Chalk({ level: color ? 1 : 0 }),
    color,
    showKeyIds: Boolean(opts.showKeyIds),
    verbose: Boolean(opts.verbose),
    width: Math.max(60, Math.min(columns, 100)),
  };
}

export const SYMBOL: Record<Severity | 'ok', string> = { ok: '✓', info: 'i', warning: '!', error: '✗' };

export function paintSeverity(style: Style, severity: Severity | 'ok', text: string): string {
  const { c } = style;
  switch (severity) {
    case 'ok':
      return c.green(text);
    case 'info':
      return c.cyan(text);
    case 'warning':
      return c.yellow(text);
    case 'error':
      return c.red(text);
  }
}

/** Word-wraps to the style's width with a hanging indent; keeps long tokens (paths) whole. */
export function wrap(text: string, width: number, indent: string): string {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = indent;
    for (const word of paragraph.split(/ +/)) {
      if (line.trim() !== '' && line.length + 1 + word.length > width) {
        out.push(line);
        line = indent + word;
      } else {
        line = line.trim() === '' ? indent + word : `${line} ${word}`;
      }
    }
    out.push(line);
  }
  return out.join('\n');
}

const ANSI = /\x1b\[[0-9;]*m/g;
const visible = (s: string) => s.replace(ANSI, '').length;

/**
 * Fits one already-painted line to the width: wraps at spaces (never inside a word), continuing
 * under the line's last column (the text after its last run of two or more spaces in the first
 * half), else two past its indent. Colour codes count as zero width.
 */
export function fitLine(line: string, width: number): string[] {
  if (visible(line) <= width) return [line];
  const plain = line.replace(ANSI, '');
  const indent = /^\s*/.exec(plain)![0].length;
  let hang = indent + 2;
  for (const m of plain.matchAll(/\S( {2,})(?=\S)/g)) {
    const at = m.index! + 1 + m[1]!.length;
    if (at < width / 2) hang = at;
  }
  const pad = ' '.repeat(hang);
  const out: string[] = [];
  let cur = '';
  for (const w of line.split(/(?<=\S) (?=\S)/)) {
    if (cur !== '' && visible(cur) + 1 + visible(w) > width) {
      out.push(cur);
      cur = pad + w.trimStart();
    } else cur = cur === '' ? w : `${cur} ${w}`;
  }
  out.push(cur);
  return out;
}
