import { parseDuration } from '../../kernel/duration.js';
import { writeErr, writeOut } from '../../kernel/emit.js';
import { UsageError } from '../../kernel/errors.js';
import { parseExpiry } from '../../kernel/expiry.js';
import { maskKeyId } from '../../kernel/mask.js';
import { locateFile } from '../../areas/files/locate.js';
import { readSsmRuntimeConfig } from '../../sdk/ssm/runtime-config.js';
import { ERROR_EVENTS, toNdjson, toText, type WatchEvent, type WatchEventName } from './events.js';
import { FileFollower, type Observation } from './file-follower.js';
import { expiryState, intervalStats, isStalled } from './state.js';
import { writeTextfile } from './textfile.js';

export interface WatchOptions {
  profile?: string;
  interval?: string;
  json?: boolean;
  textfile?: string;
  warnBefore?: string;
  exitOn?: string;
  count?: string;
  for?: string;
  ssmRuntimeConfig?: string;
  showKeyIds?: boolean;
}

function positiveInt(text: string, flag: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`${flag}: "${text}" is not a positive whole number`);
  return Number(text);
}

/** Runs until --count events, --for elapses, SIGINT/SIGTERM, or --exit-on error fires; resolves to the exit code. */
export async function runWatch(opts: WatchOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const intervalMs = parseDuration(opts.interval ?? '5s', '--interval');
  if (intervalMs < 100) throw new UsageError('--interval: must be at least 100ms');
  const warnBeforeMs = parseDuration(opts.warnBefore ?? '10m', '--warn-before');
  const forMs = opts.for !== undefined ? parseDuration(opts.for, '--for') : undefined;
  const maxEvents = opts.count !== undefined ? positiveInt(opts.count, '--count') : undefined;
  if (opts.exitOn !== undefined && opts.exitOn !== 'error') throw new UsageError('--exit-on: only "error" is supported');
  const profile = opts.profile ?? env.AWS_PROFILE ?? 'default';
  const { path } = locateFile('credentials', env);
  const source = `file:${path}`;
  const mask = (id: string) => maskKeyId(id, opts.showKeyIds)!;

  let current: { keyId: string; secretHash: string; expiration?: string } | undefined;
  let broken = false;
  let lastRotationMs: number | undefined;
  const intervals: number[] = [];
  let rotations = 0;
  let failures = 0;
  let emitted = 0;
  let warned: 'expiring' | 'expired' | undefined;
  let stallReported = false;
  let ssmExpiry: string | undefined;

  let done!: (code: number) => void;
  const finished = new Promise<number>((r) => (done = r));
  let exitCode = 0;
  let stopping = false;

  const emit = (name: WatchEventName, fields: Partial<WatchEvent> = {}) => {
    const e: WatchEvent = { event: name, time: new Date().toISOString(), source, profile, ...fields };
    void writeOut((opts.json ? toNdjson(e) : toText(e)) + '\n', opts.json ? 'json' : 'text');
    if (name === 'stopped') return;
    emitted += 1;
    if (ERROR_EVENTS.has(name)) {
      failures += 1;
      if (opts.exitOn === 'error') return stop(1);
    }
    if (maxEvents !== undefined && emitted >= maxEvents) stop(exitCode);
  };

  const expiryMs = () => {
    const raw = current?.expiration ? parseExpiry(current.expiration)?.iso : ssmExpiry;
    return raw ? Date.parse(raw) : undefined;
  };

  // Writes are chained: one temp name, never two writers; stop waits for the last one.
  let pendingWrite: Promise<void> = Promise.resolve();
  const textfile = () => {
    if (!opts.textfile) return;
    pendingWrite = pendingWrite.then(() => writeMetrics(opts.textfile!));
  };
  const writeMetrics = async (file: string) => {
    const exp = expiryMs();
    await writeTextfile(file, {
      source: 'file',
      profile,
      expirySeconds: exp !== undefined ? (exp - Date.now()) / 1000 : undefined,
      lastRotationSeconds: lastRotationMs !== undefined ? lastRotationMs / 1000 : undefined,
      rotationsTotal: rotations,
    }).catch((error: Error) => void writeErr(`credcheck watch: cannot write --textfile: ${error.message}\n`));
  };

  const onObservation = (o: Observation) => {
    if (stopping) return;
    if (!o.ok) {
      if (!broken) {
        broken = true;
        emit('file-unreadable', { detail: o.detail });
      }
      return;
    }
    if (broken) {
      broken = false;
      emit('recovered', { keyId: mask(o.keyId) });
    }
    const expiration = o.expiration ? parseExpiry(o.expiration)?.iso : ssmExpiry;
    if (!current) {
      current = o;
      emit('started', { keyId: mask(o.keyId), ...(expiration ? { expiration } : {}) });
    } else if (current.keyId !== o.keyId || current.secretHash !== o.secretHash) {
      const now = Date.now();
      const fields: Partial<WatchEvent> = { oldKeyId: mask(current.keyId), keyId: mask(o.keyId), ...(expiration ? { expiration } : {}) };
      if (lastRotationMs !== undefined) {
        fields.intervalMs = now - lastRotationMs;
        intervals.push(now - lastRotationMs);
      }
      lastRotationMs = now;
      rotations += 1;
      current = o;
      warned = undefined;
      stallReported = false;
      emit('rotated', fields);
    } else return;
    textfile();
  };

  const tick = async () => {
    const ssm = await readSsmRuntimeConfig(env, opts.ssmRuntimeConfig);
    ssmExpiry = ssm.status === 'ok' ? ssm.credentialsExpiresAt : undefined;
    if (!current || stopping) return;
    const now = Date.now();
    const exp = expiryMs();
    const state = expiryState(exp, now, warnBeforeMs);
    if (state === 'expiring' && warned === undefined) {
      warned = 'expiring';
      emit('expiring', { keyId: mask(current.keyId), expiration: new Date(exp!).toISOString() });
    } else if (state === 'expired' && warned !== 'expired') {
      warned = 'expired';
      emit('expired', { keyId: mask(current.keyId), expiration: new Date(exp!).toISOString() });
    }
    if (!stopping && !stallReported && isStalled(lastRotationMs, intervals, exp, now)) {
      stallReported = true;
      emit('stalled', { keyId: mask(current.keyId), detail: exp !== undefined && now >= exp ? 'expiry passed with no rotation' : 'learned rotation cadence × 1.5 passed' });
    }
    textfile();
  };

  const follower = new FileFollower({ path, profile, pollMs: intervalMs, onObservation });
  const tickTimer = setInterval(() => void tick(), intervalMs);
  const forTimer = forMs !== undefined ? setTimeout(() => stop(exitCode), forMs) : undefined;
  const onSignal = () => stop(exitCode);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  function stop(code: number): void {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    follower.stop();
    clearInterval(tickTimer);
    if (forTimer) clearTimeout(forTimer);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    emit('stopped', { summary: { rotations, intervalMs: intervalStats(intervals), failures } });
    textfile(); // the final figures, including the event that ended the run
    void pendingWrite.then(() => done(code));
  }

  await tick();
  follower.start();
  return finished;
}
