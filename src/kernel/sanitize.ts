import { scrub } from './secrets.js';
import { neutralizeControls, visible } from './controls.js';

export { neutralizeControls, oneLine } from './controls.js';

/**
 * One sanitizer per output format. Every string that came from outside (files, env, argv,
 * servers, processes) is untrusted, and so is every output built from one. In order:
 *   1. secrets removed (known ones whole and in part, in every encoding; secret-shaped values;
 *      key ids masked) — scrub();
 *   2. what the format's reader would act on made inert: terminal control characters for text,
 *      GitHub workflow commands for anything a runner reads, XML, Markdown and Prometheus syntax.
 * Truncation, when wanted, comes only after both (clip()).
 *
 * Renderers escape their fields with the *Field helpers below; the exit (output.ts) runs
 * sanitizeOutput() over the whole text once more, so a field a renderer forgot is still safe.
 */
export type OutputFormat = 'text' | 'json' | 'xml' | 'github-commands' | 'markdown' | 'prometheus';

/**
 * The colour codes chalk emits at level 1: reset, bold/dim/italic/underline and their resets,
 * foreground and background colours. With colour on, only these survive; every other escape
 * sequence (cursor moves, clears, titles, hyperlinks, hidden text) is made visible.
 */
const OWN_SGR = /\x1b\[(?:[0-4]|2[234]|3[0-7]|39|4[0-7]|49|9[0-7])m/y;

let colorAllowed = false;

/** Set once from the style decision (--color/NO_COLOR/TTY) before anything is printed. */
export function setColorAllowed(allowed: boolean): void {
  colorAllowed = allowed;
}

function neutralizeTerminal(text: string): string {
  if (!colorAllowed) return neutralizeControls(text);
  let out = '';
  let at = 0;
  for (let i = text.indexOf('\x1b'); i !== -1; i = text.indexOf('\x1b', i + 1)) {
    OWN_SGR.lastIndex = i;
    const m = OWN_SGR.exec(text);
    if (!m) continue;
    out += neutralizeControls(text.slice(at, i)) + m[0];
    at = i + m[0].length;
    i = at - 1;
  }
  return out + neutralizeControls(text.slice(at));
}

/**
 * A GitHub runner reads every line of a step's stdout and stderr for `::command::` (and the
 * older `##[command]`), after trimming whitespace. No line credcheck prints may start one except
 * the annotations it writes on purpose (format 'github-commands', whose data is escaped).
 */
const COMMAND_START = /^(\s*)(::|##\[)/;

export function neutralizeWorkflowCommands(text: string): string {
  if (!text.includes('::') && !text.includes('##[')) return text;
  return text
    .split(/(\r\n|\r|\n)/)
    .map((part) => (COMMAND_START.test(part) ? part.replace(COMMAND_START, '$1» $2') : part))
    .join('');
}

/** JSON allows raw DEL, C1 and U+2028/2029 inside strings; a terminal or a JS eval does not. */
function escapeJsonRaw(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** An `&` that does not start an entity (left by a redaction) would make the document invalid. */
function repairXml(text: string): string {
  return text.replace(/&(?!(?:amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9A-Fa-f]{1,6});)/g, '&amp;');
}

/**
 * JSON is scrubbed value by value, never as text: a redaction can then never cut an escape or a
 * quote in half, and the document stays valid. Keys are values too (a profile name can be one).
 */
function scrubJson(text: string): string {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return scrub(text); // not one document (never expected): scrub as text, the last line of defence
  }
  const walk = (v: unknown): unknown => {
    // Controls shown visibly as in text: `jq -r` would otherwise print an escape sequence raw.
    if (typeof v === 'string') return neutralizeControls(scrub(v));
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [scrub(k), walk(x)]));
    return v;
  };
  const indent = /^\{\s*\n(\s+)"/.exec(text)?.[1]?.length ?? 0;
  return JSON.stringify(walk(doc), null, indent) + (text.endsWith('\n') ? '\n' : '');
}

/** The last pass at the exit: run over every byte written, whatever the renderer did. */
export function sanitizeOutput(text: string, format: OutputFormat): string {
  if (format === 'json') return neutralizeWorkflowCommands(escapeJsonRaw(scrubJson(text)));
  const clean = scrub(text);
  switch (format) {
    case 'text':
    case 'markdown':
      return neutralizeWorkflowCommands(neutralizeTerminal(clean));
    case 'xml':
      return neutralizeWorkflowCommands(repairXml(neutralizeControls(clean)));
    case 'prometheus':
      return neutralizeControls(clean);
    case 'github-commands':
      // Built line by line from escaped data: each line is one command, and only commands.
      return neutralizeControls(clean)
        .split('\n')
        .map((line) => (line === '' || /^::(error|warning|notice) (?:(?:file|line|endLine|col|endColumn|title)=[^:,\n]*,?)+::/.test(line) ? line : neutralizeWorkflowCommands(line)))
        .join('\n');
  }
}

/** An untrusted value made safe to place in any field: secrets gone, control characters visible (newlines kept). */
export function cleanField(value: string): string {
  return neutralizeControls(scrub(value));
}

/** Truncation only after scrubbing: cutting first would leave a part of a secret nobody recognises. */
export function clip(value: string, max: number): string {
  const clean = cleanField(value);
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}

/** One line for a message: the first non-empty line, cleaned, then clipped. */
export function firstLineClipped(value: string, max: number): string {
  const clean = cleanField(value);
  const line = clean.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return clip(line.trim(), max);
}

/** @actions/core escapeData: the message part of a workflow command. */
export function escapeData(text: string): string {
  const clean = scrub(text).split('\r').map((part) => neutralizeControls(part)).join('\r');
  return clean.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** @actions/core escapeProperty: property values (title=…) also escape the separators. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** XML 1.0 text/attribute value; characters XML 1.0 cannot carry are shown escaped, not dropped silently. */
export function xmlField(text: string): string {
  return scrub(text)
    .split('\r')
    .map((part) => neutralizeControls(part))
    .join('\r')
    .replace(/\uFFFE|\uFFFF/g, visible)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;');
}

/** A Markdown table cell: no pipe, newline, HTML, link, image or emphasis can come from data. */
export function markdownCell(text: string): string {
  return cleanField(text)
    .replace(/[\\`*_{}[\]()#+!|~]/g, (ch) => `\\${ch}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;')
    .replace(/\r?\n/g, '<br>');
}

/** A Prometheus label value (exposition format 0.0.4): backslash, double quote and newline escaped. */
export function prometheusLabel(text: string): string {
  return cleanField(text).replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}
