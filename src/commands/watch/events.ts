import { formatDuration } from '../../kernel/duration.js';

/** Every event kind `watch` can print; the NDJSON schema is {schemaVersion:1, event, time, source, ...fields}. */
export type WatchEventName =
  | 'started' | 'rotated' | 'expiring' | 'expired' | 'stalled' | 'file-unreadable' | 'recovered' | 'stopped'
  | 'unreachable' | 'process-gone' | 'validated' | 'validation-failed' | 'clock' | 'clock-skew'
  | 'stale-process' | 'process-restarted' | 'heartbeat' | 'textfile-failed' | 'not-file-keys';

export const ERROR_EVENTS: ReadonlySet<WatchEventName> = new Set([
  'expired', 'stalled', 'file-unreadable', 'unreachable', 'process-gone', 'validation-failed', 'clock-skew', 'stale-process', 'textfile-failed', 'not-file-keys',
]);

export interface WatchEvent {
  event: WatchEventName;
  /** ISO time the event was observed. */
  time: string;
  /** "file:/path", "imds:URL", "container:URL", "process:NAME", "sts:URL", "textfile:/path", "watch". */
  source: string;
  profile?: string;
  /** The source's bounded name when it is not a profile: role, container path, process name. */
  name?: string;
  pid?: number;
  keyId?: string;
  oldKeyId?: string;
  expiration?: string;
  intervalMs?: number;
  offsetMs?: number;
  account?: string;
  detail?: string;
  summary?: { rotations: number; intervalMs: { min: number; median: number; max: number } | null; failures: number };
}

export function toNdjson(e: WatchEvent): string {
  return JSON.stringify({ schemaVersion: 1, ...e });
}

/** One human line: "2026-11-23T00:01:02Z rotated ASIA…AAAA → ASIA…BBBB after 30m00s". */
export function toText(e: WatchEvent): string {
  const parts = [e.time, e.event];
  if (e.event === 'rotated') parts.push(`${e.oldKeyId} → ${e.keyId}`);
  else if (e.keyId) parts.push(e.keyId);
  if (e.name && e.source.startsWith('process:')) parts.push(`${e.name}${e.pid !== undefined ? `[${e.pid}]` : ''}`);
  if (e.intervalMs !== undefined) parts.push(`after ${formatDuration(e.intervalMs)}`);
  if (e.expiration) parts.push(`expires ${e.expiration}`);
  if (e.offsetMs !== undefined) parts.push(`offset ${e.offsetMs >= 0 ? '+' : '−'}${formatDuration(Math.abs(e.offsetMs))}`);
  if (e.account) parts.push(`account ${e.account}`);
  if (e.detail) parts.push(`(${e.detail})`);
  if (e.summary) {
    const s = e.summary;
    const iv = s.intervalMs ? `, interval min ${formatDuration(s.intervalMs.min)} median ${formatDuration(s.intervalMs.median)} max ${formatDuration(s.intervalMs.max)}` : '';
    parts.push(`${s.rotations} rotation(s)${iv}, ${s.failures} failure(s)`);
  }
  if (e.event === 'started' || e.event === 'stopped' || e.event === 'heartbeat') parts.push(e.source);
  return parts.join(' ');
}
