import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { registerRotatingSecrets } from '../../kernel/secrets.js';
import { readSafely } from '../../areas/files/read.js';
import { feedSdk, sdkView } from '../../areas/files/sdk-view.js';
import { expiryKeyOf } from '../../sdk/expiry-keys.js';

import type { Observation, Source } from './source.js';

export type { Observation } from './source.js';

/** Reads the credentials file and parses it with the SDK's own loader (ignoreCache on every read). */
export async function observeFile(path: string, profile: string): Promise<Observation> {
  const read = await readSafely(path);
  if (read.status !== 'ok' || read.text === undefined) return { ok: false, detail: read.detail ?? read.status };
  feedSdk(path, read.text);
  // The config path is a name that never exists: watch follows the credentials file only.
  const { credentialsFile } = await sdkView(path, `${path}.credcheck-watch-no-config`);
  const section = credentialsFile[profile];
  if (!section) return { ok: false, detail: `no [${profile}] profile` };
  const keyId = section.aws_access_key_id;
  const secret = section.aws_secret_access_key;
  if (!keyId || !secret) return { ok: false, detail: `[${profile}] has no complete key pair` };
  // Bounded: the current and previous key pair only, so a months-long watch does not grow.
  registerRotatingSecrets(`watch:${path}:${profile}`, [secret, section.aws_session_token], 3);
  const secretHash = createHash('sha256').update(secret).digest('hex');
  const expiration = section[expiryKeyOf(section) ?? ''];
  const token = section.aws_session_token;
  // The key pair is held in memory only, for --validate; it is never printed or written.
  const credentials = { accessKeyId: keyId, secretAccessKey: secret, ...(token ? { sessionToken: token } : {}) };
  return { ok: true, keyId, secretHash, credentials, ...(expiration ? { expiration } : {}) };
}

export interface FollowerOptions {
  path: string;
  profile: string;
  pollMs: number;
  debounceMs?: number;
  /** A broken read is only reported once it stays broken this long (writers truncate then write). */
  graceMs?: number;
  onObservation: (o: Observation) => void;
}

/**
 * Follows a file by watching its DIRECTORY (survives rename-over and recreate) plus a stat poll
 * (survives truncate-in-place and the directory vanishing; re-arms the watcher when it returns).
 * Emits an observation only when the content changed meaningfully or stayed broken past grace.
 */
/** Pause before the confirming read of a changed pair, and how often to retry while it keeps changing. */
const CONFIRM_DELAY_MS = 80;
const CONFIRM_TRIES = 5;

export class FileFollower {
  private watcher: FSWatcher | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private debounceTimer: NodeJS.Timeout | undefined;
  /** The key pair last handed on: a different one must be confirmed by a second read. */
  private lastPair: string | undefined;
  private brokenSince: number | undefined;
  private reading = false;
  private again = false;
  private stopped = false;
  private lastStat = '';
  readonly debounceMs: number;
  readonly graceMs: number;

  constructor(private readonly opts: FollowerOptions) {
    this.debounceMs = opts.debounceMs ?? 150;
    this.graceMs = opts.graceMs ?? 2000;
  }

  start(): void {
    this.arm();
    this.pollTimer = setInterval(() => void this.poll(), this.opts.pollMs);
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    this.watcher?.close();
    this.watcher = undefined;
    for (const t of [this.pollTimer, this.debounceTimer]) if (t) clearTimeout(t);
  }

  /** Number of live fs watchers (0 or 1): the soak checks it never grows. */
  get watcherCount(): number {
    return this.watcher ? 1 : 0;
  }

  private arm(): void {
    if (this.watcher || this.stopped) return;
    const name = basename(this.opts.path);
    try {
      this.watcher = watch(dirname(this.opts.path), { persistent: false }, (_type, file) => {
        if (!file || file.toString() === name) this.schedule(this.debounceMs);
      });
      this.watcher.on('error', () => {
        // The directory went away: drop the watcher; the poll re-arms it when it is back.
        this.watcher?.close();
        this.watcher = undefined;
      });
    } catch {
      this.watcher = undefined;
    }
  }

  private async poll(): Promise<void> {
    this.arm();
    const { stat } = await import('node:fs/promises');
    let sig = 'missing';
    try {
      const s = await stat(this.opts.path);
      sig = `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
    } catch {
      /* missing is a signature too */
    }
    if (sig !== this.lastStat) {
      this.lastStat = sig;
      this.schedule(0);
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => void this.read(), ms);
  }

  private async read(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    try {
      let o = await observeFile(this.opts.path, this.opts.profile);
      // A writer that truncates and writes in pieces can leave a file that parses as a complete
      // pair with half a secret. A changed pair counts only once a second read, a moment later,
      // sees exactly the same pair (done inline, so watch events cannot postpone it).
      for (let tries = 0; o.ok && `${o.keyId}:${o.secretHash}` !== this.lastPair && tries < CONFIRM_TRIES; tries++) {
        await new Promise((resolve) => setTimeout(resolve, CONFIRM_DELAY_MS));
        const again = await observeFile(this.opts.path, this.opts.profile);
        if (again.ok && again.keyId === o.keyId && again.secretHash === o.secretHash) break;
        o = again;
      }
      if (this.stopped) return;
      if (o.ok) {
        this.brokenSince = undefined;
        this.lastPair = `${o.keyId}:${o.secretHash}`;
        this.opts.onObservation(o);
      } else {
        // Probably mid-write (truncate, then write): look again soon, and report only once it has
        // stayed broken past grace. After that the poll (not a retry loop) notices the next change.
        const now = Date.now();
        this.brokenSince ??= now;
        if (now - this.brokenSince < this.graceMs) this.schedule(this.debounceMs);
        else this.opts.onObservation(o);
      }
    } finally {
      this.reading = false;
      if (this.again && !this.stopped) {
        this.again = false;
        this.schedule(this.debounceMs);
      }
    }
  }
}

/** The follower as a watch source: "file:/path" with the profile as its bounded name. */
export class FileSource implements Source {
  readonly kind = 'file' as const;
  readonly failEvent = 'file-unreadable' as const;
  readonly where: string;
  private follower: FileFollower | undefined;

  constructor(readonly path: string, readonly name: string, private readonly pollMs: number) {
    this.where = `file:${path}`;
  }

  start(onObservation: (o: Observation) => void): void {
    this.follower = new FileFollower({ path: this.path, profile: this.name, pollMs: this.pollMs, onObservation });
    this.follower.start();
  }

  stop(): void {
    this.follower?.stop();
  }
}
