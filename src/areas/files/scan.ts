import { registerSecret } from '../../kernel/secrets.js';
import { maskKeyId } from '../../kernel/mask.js';
import { ACCESS_KEY_ID, DISPLAYABLE_KEYS, isSecretKey, SECTION_PREFIXES } from './keys.js';
import type { FileKind } from './locate.js';

/** Traits of a value, so rules can reason about secrets without ever holding one. */
export interface ValueTraits {
  length: number;
  /** Wrapped in matching quotes, which the SDK keeps as part of the value. */
  quoted: boolean;
  innerWhitespace: boolean;
  /** Contains # or ; with no whitespace before it: kept as part of the value, not a comment. */
  gluedCommentChar: boolean;
  /** Text after a whitespace-preceded # or ; was dropped as a comment. */
  commentStripped: boolean;
}

export interface SectionLine {
  type: 'section';
  line: number;
  /** Text between the brackets, as written (section names are not secret). */
  header: string;
  /** The profile name the SDK files it under, or null when the SDK drops it. */
  sdkName: string | null;
  prefix?: string;
  /** The parser's own key for the section (before the config file's prefix handling). */
  parserKey?: string;
}

export interface EntryLine {
  type: 'entry';
  line: number;
  key: string;
  /** SDK section the entry lands in; undefined before any section or inside a dropped one. */
  section?: string;
  subsection?: string;
  /** Only for keys whose values are safe to show; credential_process keeps just its executable. */
  value?: string;
  maskedKeyId?: string;
  /** For aws_access_key_id: the unquoted value is 20 characters of A–Z and 0–9. */
  keyIdWellFormed?: boolean;
  /** An earlier line in the same section set the same key (the SDK keeps the last one). */
  duplicateOf?: number;
  /** The SDK discards this entry because [profile default] replaces [default] wholesale. */
  replacedByProfileDefault?: boolean;
  traits: ValueTraits;
  /** The line starts a sub-section (`s3 =`), as the SDK reads an empty value. */
  opensSubsection: boolean;
}

export interface JunkLine {
  type: 'no-equals';
  line: number;
  section?: string;
  /** How long the junk is: its text may be a pasted secret, so it is not kept. */
  length: number;
  looksLikeHeader: boolean;
}

export type ScannedLine = SectionLine | EntryLine | JunkLine;

const PREFIX_KEY = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/;
const BLOCKED_NAMES = ['__proto__', 'profile __proto__'];

/** Text that could be a key, secret or token rather than a key name (mixed case and digits, or base64 symbols). */
export function looksLikeSecretText(text: string): boolean {
  if (/[+/]/.test(text) && text.length >= 16) return true;
  return text.length >= 16 && /[A-Z]/.test(text) && /[a-z]/.test(text) && /\d/.test(text);
}

/** First whitespace-separated token, unquoted: enough to check the executable exists. */
export function executableOf(command: string): string {
  const m = /^\s*(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(command);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : '';
}

/**
 * The profile name a header ends up as, or null when the SDK drops its entries. parseIni keys a
 * section by `prefix.name` when the header matches `prefix name` with a known prefix, drops it
 * when the prefix is unknown, and keeps other headers verbatim; the config file then keeps only
 * [default] and prefixed sections (getConfigData), turning `profile.x` into `x`.
 */
export function sdkSectionName(header: string, kind: FileKind): { sdkName: string | null; prefix?: string; parserKey?: string } {
  const m = PREFIX_KEY.exec(header);
  let parserKey: string | undefined;
  let prefix: string | undefined;
  if (m) {
    prefix = m[1] ?? '';
    parserKey = (SECTION_PREFIXES as readonly string[]).includes(prefix) ? `${prefix}.${m[3] ?? ''}` : undefined;
  } else {
    parserKey = header;
  }
  // An empty header ("[]") leaves the parser without a current section, like a dropped one.
  if (parserKey === '') parserKey = undefined;
  const key = parserKey;
  const withPrefix = (name: string | null) => ({ sdkName: name, ...(prefix === undefined ? {} : { prefix }), ...(key === undefined ? {} : { parserKey: key }) });
  if (parserKey === undefined) return withPrefix(null);
  if (kind === 'credentials') return withPrefix(parserKey);
  if (parserKey === 'default') return withPrefix('default');
  const dot = parserKey.indexOf('.');
  if (dot === -1) return withPrefix(null);
  const head = parserKey.slice(0, dot);
  if (!(SECTION_PREFIXES as readonly string[]).includes(head)) return withPrefix(null);
  const name = head === 'profile' ? parserKey.slice(dot + 1) : parserKey;
  // getConfigData assigns acc["__proto__"], which sets a prototype instead of adding a profile.
  return withPrefix(name === '__proto__' ? null : name);
}

/**
 * Walks the raw lines exactly as parseIni in @smithy/shared-ini-file-loader does, remembering line
 * numbers and what the SDK silently does to each line. Secret values are registered with the
 * scrubber and never returned.
 */
export function scanIni(text: string, kind: FileKind): { lines: ScannedLine[]; sdkThrows: boolean } {
  const lines: ScannedLine[] = [];
  let section: string | undefined;
  let subsection: string | undefined;
  let sdkThrows = false;
  let currentParserKey: string | undefined;
  /** Where each (parser section, key) was last set, to spot duplicates. */
  const lastSet = new Map<string, number>();
  /** Entries under [default] and under [profile default] in the config file. */
  const bareDefault: EntryLine[] = [];
  let profileDefaultHasEntries = false;
  const rawLines = text.split(/\r?\n/);
  for (let i = 0; i < rawLines.length; i++) {
    const raw = rawLines[i] ?? '';
    const lineNo = i + 1;
    const uncommented = raw.split(/(^|\s)[;#]/)[0] ?? '';
    const trimmed = uncommented.trim();
    if (trimmed === '') continue;
    if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
      const header = trimmed.slice(1, -1);
      // A secret pasted as a section name ([wJalr…KEY]) is printed wherever the profile is named.
      for (const word of header.split(/[\s[\]]+/)) if (looksLikeSecretText(word)) registerSecret(word);
      const { sdkName, prefix, parserKey } = sdkSectionName(header, kind);
      // Mirror the SDK: an unknown prefix in the regex form leaves no current section.
      section = sdkName ?? undefined;
      subsection = undefined;
      if (BLOCKED_NAMES.includes(header)) sdkThrows = true;
      const entry: SectionLine = { type: 'section', line: lineNo, header, sdkName };
      if (prefix !== undefined) entry.prefix = prefix;
      if (parserKey !== undefined) entry.parserKey = parserKey;
      currentParserKey = parserKey;
      lines.push(entry);
      continue;
    }
    const eq = trimmed.indexOf('=');
    if (eq <= 0) {
      const junk: JunkLine = { type: 'no-equals', line: lineNo, length: trimmed.length, looksLikeHeader: trimmed.startsWith('[') || trimmed.endsWith(']') };
      if (section !== undefined) junk.section = section;
      // Junk may be a pasted secret on its own line: make sure it can never be printed.
      registerSecret(trimmed);
      lines.push(junk);
      continue;
    }
    const key = trimmed.slice(0, eq).trim();
    // A pasted base64 token ending in "==" parses as key = token, value = "=": guard the key too.
    if (looksLikeSecretText(key)) registerSecret(key);
    const value = trimmed.slice(eq + 1).trim();
    const opensSubsection = value === '';
    if (!opensSubsection && subsection && raw.trimStart() === raw) subsection = undefined;
    const traits: ValueTraits = {
      length: value.length,
      quoted: value.length >= 2 && /^(["']).*\1$/.test(value),
      innerWhitespace: /\s/.test(value),
      gluedCommentChar: /[^\s][#;]/.test(value),
      commentStripped: uncommented.length < raw.length && raw.slice(uncommented.length).trim() !== '' && value !== '',
    };
    const entry: EntryLine = { type: 'entry', line: lineNo, key, traits, opensSubsection };
    if (section !== undefined) entry.section = section;
    if (subsection !== undefined && !opensSubsection) entry.subsection = subsection;
    const k = key.toLowerCase();
    if (k === ACCESS_KEY_ID) {
      const id = value.replace(/^["']|["']$/g, '');
      entry.maskedKeyId = maskKeyId(id);
      entry.keyIdWellFormed = /^[A-Z0-9]{20}$/.test(id);
    } else if (k === 'credential_process') {
      entry.value = executableOf(value);
      // Each argument may be a secret (--password X); registered one by one so the windows do not
      // span the spaces between them (a window " CANARYs" would eat the space before any match).
      for (const arg of value.slice(entry.value.length).trim().split(/\s+/)) registerSecret(arg);
    } else if (isSecretKey(k) || !DISPLAYABLE_KEYS.has(k)) {
      if (isSecretKey(k)) registerSecret(value.replace(/^["']|["']$/g, ''));
    } else {
      entry.value = value;
    }
    if (opensSubsection) subsection = key;
    if (section !== undefined && !opensSubsection) {
      const slot = `${currentParserKey}\u0000${entry.subsection ?? ''}\u0000${key}`;
      const earlier = lastSet.get(slot);
      if (earlier !== undefined) entry.duplicateOf = earlier;
      lastSet.set(slot, lineNo);
      if (kind === 'config' && currentParserKey === 'default') bareDefault.push(entry);
      if (kind === 'config' && currentParserKey === 'profile.default') profileDefaultHasEntries = true;
    }
    lines.push(entry);
  }
  // getConfigData puts [default] first and then lets [profile default] overwrite it as a whole.
  if (profileDefaultHasEntries) {
    for (const entry of bareDefault) {
      entry.replacedByProfileDefault = true;
      delete entry.section;
    }
  }
  return { lines, sdkThrows };
}
