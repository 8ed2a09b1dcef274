/**
 * Dates, numbers and URLs from outside (env, files, tokens, servers) are validated where they are
 * read: a value credcheck cannot understand is noted here and becomes a finding (CC6104) that
 * says so, instead of a RangeError ("Invalid time value") that crashes a command or a silently
 * dropped fact that leaves "No problems found".
 */
export interface Unparsed {
  /** Where the value came from: "AWS_CREDENTIAL_EXPIRATION", "the STS Date header", … */
  what: string;
  /** The value, shortened; never a secret (callers do not pass secret-bearing values). */
  value: string;
  why: string;
  /** What that means for the diagnosis, in words. */
  effect: string;
  fix: string;
}

const notes: Unparsed[] = [];

export function noteUnparsed(u: Unparsed): void {
  const value = u.value.length > 80 ? `${u.value.slice(0, 77)}...` : u.value;
  if (!notes.some((n) => n.what === u.what && n.value === value)) notes.push({ ...u, value });
}

export function unparsedInputs(): readonly Unparsed[] {
  return notes;
}

/** Years a real credential, token or clock can carry; anything else is a broken value. */
const MIN_MS = Date.UTC(1970, 0, 1);
const MAX_MS = Date.UTC(9999, 11, 31);

/** ISO text of a time, or undefined for an Invalid Date, NaN, Infinity or a year past 9999. Never throws. */
export function safeIso(t: Date | number | string | undefined | null): string | undefined {
  if (t === undefined || t === null) return undefined;
  const ms = t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t);
  return Number.isFinite(ms) && ms >= MIN_MS && ms <= MAX_MS ? new Date(ms).toISOString() : undefined;
}

/** An http(s) URL, or undefined. */
export function safeHttpUrl(raw: string): URL | undefined {
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : undefined;
  } catch {
    return undefined;
  }
}

/** A URL for display: never with its password. */
export function displayUrlText(raw: string): string {
  return raw.replace(/\/\/[^/@\s]*@/, '//***@');
}
