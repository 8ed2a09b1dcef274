/** Making control characters from outside data visible and inert; no dependencies, so any layer may use it. */

/** Characters a terminal or log viewer acts on: C0 (but tab and newline), DEL, C1, line/paragraph separators, bidi overrides. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\uFEFF]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_NEWLINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\uFEFF]/g;

export function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Control characters shown as `\x1b`, `\u2028`: visible, inert, and still telling the reader what was there. */
export function neutralizeControls(text: string, keepNewlines = true): string {
  return text.replace(keepNewlines ? CONTROL : CONTROL_OR_NEWLINE, visible);
}

/**
 * Text that must stay one line (a finding's message and fix, an area's status): a newline from
 * outside data (a profile name in AWS_PROFILE, a server's error text) would otherwise start a line
 * of its own that reads like credcheck's (a forged "✓ No problems found."). Shown as `\x0a`.
 */
export function oneLine(text: string): string {
  return neutralizeControls(text, false);
}

