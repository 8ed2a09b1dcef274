import { parseExpiry } from '../../kernel/expiry.js';
import type { WatchEvent, WatchEventName } from './events.js';
import type { HeldCredentials, Observation, Source } from './source.js';
import { expiryState, isStalled } from './state.js';

/** Retries of the expiry fallback (SSM runtime config) while it still shows the previous key's expiry. */
const FALLBACK_TRIES = 6;
const FALLBACK_DELAY_MS = 250;

export interface TrackerOptions {
  warnBeforeMs: number;
  mask: (keyId: string) => string;
  emit: (name: WatchEventName, fields: Partial<WatchEvent>) => void;
  /** Expiry when the source itself carries none (the SSM agent's runtime config for its share file). */
  expiryFallback?: () => Promise<string | undefined>;
  /** Called after each rotation (validation hooks on to it). */
  onRotation?: (t: Tracker) => void;
  now?: () => number;
}

/** The state of one source: its current keys, rotations, failures and what was already reported. */
export class Tracker {
  current: { keyId: string; secretHash: string; expiration?: string } | undefined;
  /** In memory only, for --validate. */
  credentials: HeldCredentials | undefined;
  up = false;
  broken = false;
  lastRotationMs: number | undefined;
  lastSuccessMs: number | undefined;
  readonly intervals: number[] = [];
  rotations = 0;
  failures = 0;
  validationOk: boolean | undefined;
  lastValidationMs: number | undefined;
  private warned: 'expiring' | 'expired' | undefined;
  private stallReported = false;
  private fallbackExpiry: string | undefined;
  /** Observations are handled one at a time: the expiry re-read on rotation is asynchronous. */
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly source: Source, private readonly opts: TrackerOptions) {}

  private get now(): number {
    return (this.opts.now ?? Date.now)();
  }

  private emit(name: WatchEventName, fields: Partial<WatchEvent> = {}): void {
    this.opts.emit(name, { source: this.source.where, ...(this.source.kind === 'file' ? { profile: this.source.name } : { name: this.source.name }), ...fields });
  }

  /** The current expiry as an ISO string: the source's own, else the fallback's. */
  expiration(): string | undefined {
    const own = this.current?.expiration ? parseExpiry(this.current.expiration)?.iso : undefined;
    return own ?? this.fallbackExpiry;
  }

  expiryMs(): number | undefined {
    const e = this.expiration();
    return e ? Date.parse(e) : undefined;
  }

  observe(o: Observation): Promise<void> {
    this.queue = this.queue.then(() => this.handle(o)).catch(() => undefined);
    return this.queue;
  }

  /** Keeps the tail of the queue only, so a stopped source's last observation is awaited. */
  settled(): Promise<void> {
    return this.queue;
  }

  private async handle(o: Observation): Promise<void> {
    if (!o.ok) {
      this.up = false;
      if (!this.broken) {
        this.broken = true;
        this.failures += 1;
        this.emit(this.source.failEvent, { detail: o.detail });
      }
      return;
    }
    this.up = true;
    this.lastSuccessMs = this.now;
    if (this.broken) {
      this.broken = false;
      this.emit('recovered', { keyId: this.opts.mask(o.keyId) });
    }
    this.credentials = o.credentials;
    if (!this.current) {
      this.current = { keyId: o.keyId, secretHash: o.secretHash, ...(o.expiration ? { expiration: o.expiration } : {}) };
      await this.refreshFallback();
      const expiration = this.expiration();
      this.emit('started', { keyId: this.opts.mask(o.keyId), ...(expiration ? { expiration } : {}) });
      return;
    }
    if (this.current.keyId === o.keyId && this.current.secretHash === o.secretHash) {
      // Same keys; an endpoint may still have moved the expiry (IMDS refreshes before rotating).
      if (o.expiration) this.current.expiration = o.expiration;
      return;
    }
    const now = this.now;
    const previousExpiry = this.expiration();
    const oldKeyId = this.current.keyId;
    this.current = { keyId: o.keyId, secretHash: o.secretHash, ...(o.expiration ? { expiration: o.expiration } : {}) };
    let detail: string | undefined;
    if (!o.expiration && this.opts.expiryFallback) detail = await this.fallbackAfterRotation(previousExpiry);
    const expiration = this.expiration();
    const fields: Partial<WatchEvent> = { oldKeyId: this.opts.mask(oldKeyId), keyId: this.opts.mask(o.keyId), ...(expiration ? { expiration } : {}), ...(detail ? { detail } : {}) };
    if (this.lastRotationMs !== undefined) {
      fields.intervalMs = now - this.lastRotationMs;
      this.intervals.push(now - this.lastRotationMs);
      if (this.intervals.length > 1000) this.intervals.shift(); // bounded: a months-long watch
    }
    this.lastRotationMs = now;
    this.rotations += 1;
    this.warned = undefined;
    this.stallReported = false;
    this.emit('rotated', fields);
    this.opts.onRotation?.(this);
  }

  private async refreshFallback(): Promise<void> {
    if (this.opts.expiryFallback) this.fallbackExpiry = await this.opts.expiryFallback();
  }

  /**
   * The SSM agent writes the credentials file and its runtime config one after the other: read the
   * config again until it no longer shows the previous key's expiry (bounded), else say so.
   */
  private async fallbackAfterRotation(previousExpiry: string | undefined): Promise<string | undefined> {
    for (let i = 0; i < FALLBACK_TRIES; i++) {
      await this.refreshFallback();
      if (this.fallbackExpiry === undefined || this.fallbackExpiry !== previousExpiry) return undefined;
      await new Promise((r) => setTimeout(r, FALLBACK_DELAY_MS));
    }
    this.fallbackExpiry = undefined;
    return 'the SSM runtime config still shows the previous keys\' expiry; expiry unknown until it is rewritten';
  }

  /** Called every interval: expiry and stall checks, and the fallback expiry re-read. */
  async tick(): Promise<void> {
    if (!this.current) return;
    if (!this.current.expiration && this.opts.expiryFallback) {
      const before = this.fallbackExpiry;
      await this.refreshFallback();
      if (this.fallbackExpiry !== before) this.warned = undefined;
    }
    const now = this.now;
    const exp = this.expiryMs();
    const mask = this.opts.mask(this.current.keyId);
    const state = expiryState(exp, now, this.opts.warnBeforeMs);
    if (state === 'expiring' && this.warned === undefined) {
      this.warned = 'expiring';
      this.emit('expiring', { keyId: mask, expiration: new Date(exp!).toISOString() });
    } else if (state === 'expired' && this.warned !== 'expired') {
      this.warned = 'expired';
      this.failures += 1;
      this.emit('expired', { keyId: mask, expiration: new Date(exp!).toISOString() });
    }
    if (!this.stallReported && isStalled(this.lastRotationMs, this.intervals, exp, now)) {
      this.stallReported = true;
      this.failures += 1;
      this.emit('stalled', { keyId: mask, detail: exp !== undefined && now >= exp ? 'expiry passed with no rotation' : 'learned rotation cadence × 1.5 passed' });
    }
  }

  /** The learned cadence (median interval), once there are two intervals. */
  cadenceMs(): number | undefined {
    if (this.intervals.length < 2) return undefined;
    const s = [...this.intervals].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)];
  }
}
