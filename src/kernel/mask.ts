/** Key ids are not secret, but they are not for pasting into tickets either: ASIA…WXYZ. */
export function maskKeyId(keyId: string | undefined, show = false): string | undefined {
  if (keyId === undefined) return undefined;
  const id = keyId.trim();
  if (show) return id;
  if (id.length < 12) return '…';
  // Not shaped like a key id (upper-case letters and digits): likely a secret pasted into the wrong
  // field, and four characters at each end would be eight characters of it.
  if (!/^[A-Z0-9]{12,128}$/.test(id)) return '…';
  return `${id.slice(0, 4)}…${id.slice(-4)}`;
}

export type KeyType = 'long-term' | 'temporary' | 'unknown';

/** AKIA: IAM user/root long-term key; ASIA: STS temporary key (needs a session token). */
export function keyTypeOf(keyId: string | undefined): KeyType {
  if (!keyId) return 'unknown';
  if (keyId.startsWith('AKIA')) return 'long-term';
  if (keyId.startsWith('ASIA')) return 'temporary';
  return 'unknown';
}
