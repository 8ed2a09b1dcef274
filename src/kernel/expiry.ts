/**
 * Parses the expiry formats tools write (field-notes §3): RFC 3339 with Z or offset, offsets
 * without a colon (+0000), "YYYY-MM-DD HH:MM:SS" (aws-mfa writes UTC without saying so), and
 * epoch seconds or milliseconds. A time without a zone is read as UTC and flagged as such,
 * because that is what the tools that write it mean, whatever the host's TZ is.
 */
export interface ParsedExpiry {
  iso: string;
  assumedUtc: boolean;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|z|UTC|[+-]\d{2}:?\d{2})?$/;

export function parseExpiry(raw: string | undefined): ParsedExpiry | null {
  if (raw === undefined) return null;
  const text = raw.trim().replace(/^["']|["']$/g, '');
  if (/^\d{10}$/.test(text)) return { iso: new Date(Number(text) * 1000).toISOString(), assumedUtc: false };
  if (/^\d{13}$/.test(text)) return { iso: new Date(Number(text)).toISOString(), assumedUtc: false };
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00', frac = '', zone] = m;
  let offset = 'Z';
  if (zone && !/^(Z|z|UTC)$/.test(zone)) offset = zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac.slice(0, 4)}${offset}`);
  if (Number.isNaN(ms)) return null;
  return { iso: new Date(ms).toISOString(), assumedUtc: zone === undefined };
}
