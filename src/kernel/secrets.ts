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

/**
 * For long runs (watch) that meet a new secret on every rotation: a slot keeps only the last
 * `keep` generations, so the scrub list stays bounded instead of growing with every rotation.
 * Secrets registered with registerSecret are kept for the life of the process regardless.
 */
const rotating = new Map<string, string[][]>();

export function registerRotatingSecrets(slot: string, values: Array<string | undefined>, keep = 2): void {
  const generation = values.flatMap((v) => (typeof v === 'string' && v.trim().length >= MIN_SECRET_LENGTH ? encodings(v.trim()) : []));
  const generations = [generation, ...(rotating.get(slot) ?? [])].slice(0, keep);
  rotating.set(slot, generations);
}

function* allSecrets(): Iterable<string> {
  yield* secrets;
  for (const generations of rotating.values()) for (const g of generations) yield* g;
}

export function scrub(text: string): string {
  let out = text;
  for (const s of allSecrets()) {
    if (out.includes(s)) out = out.split(s).join('[REDACTED]');
  }
  return out;
}

/** For tests only. */
export function clearSecrets(): void {
  secrets.clear();
  rotating.clear();
}
