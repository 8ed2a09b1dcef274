import { redactShapes } from './shapes.js';

/**
 * Last line of defence: every secret value credcheck or the SDK reads is registered here the
 * moment it is read, and every byte credcheck writes goes through scrub(). Evidence is redacted
 * where it is made; this catches the rest (an SDK error that quotes a token, a --debug stack, a
 * server body that echoes a header, a message cut short).
 *
 * Matching is by window, not by whole value: any WINDOW consecutive characters of a secret, in
 * any of the encodings it can take on the way out, are removed. So a token cut at 200 characters,
 * a JSON- or XML-escaped copy, or base64 of `user:password` where the password starts at any byte
 * offset are all caught. Windows are looked up in a hash set: linear in the text scrubbed.
 */
export const WINDOW = 8;
/** Shorter values are not registered: a window that short is not a secret, only noise. */
const MIN_SECRET_LENGTH = 8;
export const REDACTED = '[REDACTED]';

const permanent = new Map<string, string[]>();
/**
 * For long runs (watch) that meet a new secret on every rotation: a slot keeps only the last
 * `keep` generations, so the scrub list stays bounded instead of growing with every rotation.
 */
const rotating = new Map<string, string[][]>();
let index: Set<string> | undefined;

function normalise(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  return v.length >= MIN_SECRET_LENGTH ? v : undefined;
}

/** base64 of `v` as it appears inside a longer stream that puts v's first byte at offset ≡ 3 - k (mod 3). */
function base64Aligned(v: string, skip: number): string[] {
  const bytes = Buffer.from(v).subarray(skip);
  const whole = Math.floor(bytes.length / 3) * 3; // the last partial group depends on what follows
  const std = bytes.subarray(0, whole).toString('base64');
  return [std, std.replace(/\+/g, '-').replace(/\//g, '_')];
}

function xmlEscaped(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Every form a secret can take in credcheck's output or in a server's echo of it. */
export function encodings(v: string): string[] {
  const uri = encodeURIComponent(v);
  const forms = new Set([
    v,
    uri,
    uri.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
    encodeURIComponent(v).replace(/%20/g, '+'),
    JSON.stringify(v).slice(1, -1),
    JSON.stringify(JSON.stringify(v).slice(1, -1)).slice(1, -1),
    xmlEscaped(v),
    ...[0, 1, 2].flatMap((k) => base64Aligned(v, k)),
  ]);
  return [...forms].filter((f) => f.length >= WINDOW);
}

function windowsOf(forms: string[]): string[] {
  const out: string[] = [];
  for (const f of forms) for (let i = 0; i + WINDOW <= f.length; i++) out.push(f.slice(i, i + WINDOW));
  return out;
}

export function registerSecret(value: string | undefined | null): void {
  const v = normalise(value);
  if (v === undefined || permanent.has(v)) return;
  permanent.set(v, windowsOf(encodings(v)));
  index = undefined;
}

/** A word that is a credential rather than prose, a path or a key id: long, and of mixed character classes. */
function credentialWord(word: string): boolean {
  if (word.length < 16 || /^[/~.]/.test(word) || /^(AKIA|ASIA)[A-Z0-9]{16}$/.test(word)) return false;
  if (/^[a-z0-9._-]+$/.test(word) && word.includes('.')) return false; // a host name or a file name
  const classes = [/[A-Z]/, /[a-z]/, /\d/].filter((r) => r.test(word)).length;
  return classes >= 2 && !/^[a-z_-]+$/i.test(word);
}

/**
 * Free text a credential source produced (a credential helper's stdout and stderr, an error body
 * from an endpoint that was sent a secret): every credential-looking word in it is registered.
 */
export function registerSecretsIn(text: string | undefined): void {
  if (!text) return;
  for (const word of text.slice(0, 256 * 1024).split(/[^A-Za-z0-9+/=._~-]+/)) if (credentialWord(word)) registerSecret(word);
}

export function registerRotatingSecrets(slot: string, values: Array<string | undefined>, keep = 2): void {
  const generation = values.flatMap((raw) => {
    const v = normalise(raw);
    return v === undefined ? [] : windowsOf(encodings(v));
  });
  rotating.set(slot, [generation, ...(rotating.get(slot) ?? [])].slice(0, keep));
  index = undefined;
}

function currentIndex(): Set<string> {
  if (index) return index;
  index = new Set<string>();
  for (const ws of permanent.values()) for (const w of ws) index.add(w);
  for (const generations of rotating.values()) for (const g of generations) for (const w of g) index.add(w);
  return index;
}

/**
 * Cutting inside an escape would leave output that no longer parses (`\u00` in JSON, `&am` in
 * XML): a redacted range is widened over a backslash escape or an entity it touches.
 */
function widen(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  let slashes = 0;
  while (s - slashes - 1 >= 0 && text[s - slashes - 1] === '\\') slashes++;
  if (slashes % 2 === 1) s -= 1;
  const amp = text.lastIndexOf('&', s);
  if (amp >= 0 && s - amp <= 8 && !text.slice(amp, s).includes(';') && /^&#?[A-Za-z0-9]*$/.test(text.slice(amp, s))) s = amp;
  const tail = text.slice(s, e);
  const trailing = /\\+$/.exec(tail)?.[0].length ?? 0;
  if (trailing % 2 === 1) e = Math.min(text.length, e + (text[e] === 'u' ? 5 : 1));
  const openAmp = tail.lastIndexOf('&');
  if (openAmp >= 0 && !tail.slice(openAmp).includes(';')) {
    const semi = text.indexOf(';', e);
    if (semi >= 0 && semi - e <= 8) e = semi + 1;
  }
  while (e < text.length && /[0-9A-Fa-f]/.test(text[e]!) && /\\u[0-9A-Fa-f]{0,3}$/.test(text.slice(Math.max(s, e - 5), e))) e++;
  return [s, e];
}

/** Removes every window of every registered secret, in every encoding. */
export function scrubKnown(text: string): string {
  const idx = currentIndex();
  if (idx.size === 0 || text.length < WINDOW) return text;
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i + WINDOW <= text.length; i++) {
    if (!idx.has(text.slice(i, i + WINDOW))) continue;
    const last = ranges[ranges.length - 1];
    if (last && i <= last[1]) last[1] = i + WINDOW;
    else ranges.push([i, i + WINDOW]);
  }
  if (ranges.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [s0, e0] of ranges) {
    const [s, e] = widen(text, Math.max(s0, at), e0);
    out += text.slice(at, s) + REDACTED;
    at = e;
  }
  return out + text.slice(at);
}

/** Known secrets first (exact), then anything shaped like a secret, then key ids masked. */
export function scrub(text: string): string {
  return redactShapes(scrubKnown(text));
}

/** For tests only. */
export function clearSecrets(): void {
  permanent.clear();
  rotating.clear();
  index = undefined;
}
