/**
 * Last line of defence: every secret value credcheck touches is registered here, and every byte
 * it writes goes through scrub(). Evidence is redacted where it is made; this catches the rest
 * (an SDK error message that quotes a token, a --debug stack, a server body).
 */
const secrets = new Set<string>();
const MIN_SECRET_LENGTH = 8;

export function registerSecret(value: string | undefined | null): void {
  if (typeof value !== 'string') return;
  const v = value.trim();
  if (v.length < MIN_SECRET_LENGTH) return;
  for (const form of encodings(v)) secrets.add(form);
}

function encodings(v: string): string[] {
  const forms = new Set([v, encodeURIComponent(v), Buffer.from(v).toString('base64')]);
  // base64 of a secret embedded in a longer base64 stream is aligned to one of three offsets;
  // the unpadded core is what would appear, so strip padding.
  forms.add(Buffer.from(v).toString('base64').replace(/=+$/, ''));
  return [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH);
}

export function scrub(text: string): string {
  if (secrets.size === 0) return text;
  let out = text;
  for (const s of secrets) {
    if (out.includes(s)) out = out.split(s).join('[REDACTED]');
  }
  return out;
}

/** For tests only. */
export function clearSecrets(): void {
  secrets.clear();
}
