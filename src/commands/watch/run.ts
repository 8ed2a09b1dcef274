import { writeFaultDevice } from '../../kernel/output-file.js';
import { parseDuration } from '../../kernel/duration.js';
import { writeErr, writeOut } from '../../kernel/emit.js';
import { UsageError } from '../../kernel/errors.js';
import { maskKeyId } from '../../kernel/mask.js';
import { credcheckVersion } from '../../kernel/version.js';
import { locateFile } from '../../areas/files/locate.js';
import { procRoot } from '../../areas/processes/proc.js';
import { THRESHOLDS } from '../../areas/clock/words.js';
import { probeAwsDate } from '../../areas/clock/aws-date.js';
import { resolveRegion } from '../../sdk/sts/region.js';
import { resolveStsEndpoint } from '../../sdk/sts/endpoint.js';
import { readSsmRuntimeConfig } from '../../sdk/ssm/runtime-config.js';
import type { SourceMetrics, WatchMetrics } from '../../render/prometheus.js';
import { inspectConsumer, isStale, pidsNamed, type Consumer } from './consumers.js';
import { ERROR_EVENTS, toNdjson, toText, type WatchEvent, type WatchEventName } from './events.js';
import { FileSource } from './file-follower.js';
import { planSources, type SourceFlags } from './plan.js';
import { notFileKeys } from './profile-kind.js';
import type { Observation, Source } from './source.js';
import { intervalStats } from './state.js';
import { writeTextfile } from './textfile.js';
import { Tracker } from './tracker.js';
import { RateLimiter, jittered } from './rate.js';

export interface WatchOptions extends SourceFlags {
  interval?: string;
  json?: boolean;
  textfile?: string;
  warnBefore?: string;
  exitOn?: string;
  count?: string;
  for?: string;
  showKeyIds?: boolean;
  validate?: string | boolean;
  clockInterval?: string;
  heartbeat?: string;
  region?: string;
}

function positiveInt(text: string, flag: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`${flag}: "${text}" is not a positive whole number`);
  return Number(text);
}

/** A process-environment source has no reader of its own: the process poller feeds its tracker. */
function processSource(name: string): Source {
  return { kind: 'process', name, where: `process:${name}`, failEvent: 'process-gone', start: () => undefined, stop: () => undefined };
}

/** Minimum spacing between any two STS calls (all sources together). */
const STS_MIN_GAP_MS = 1000;

/** Runs until --count events, --for elapses, SIGINT/SIGTERM, or --exit-on error fires; resolves to the exit code. */
export async function runWatch(opts: WatchOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const intervalMs = parseDuration(opts.interval ?? '5s', '--interval');
  if (intervalMs < 100) throw new UsageError('--interval: must be at least 100ms');
  const warnBeforeMs = parseDuration(opts.warnBefore ?? '10m', '--warn-before');
  const forMs = opts.for !== undefined ? parseDuration(opts.for, '--for') : undefined;
  const maxEvents = opts.count !== undefined ? positiveInt(opts.count, '--count') : undefined;
  if (opts.exitOn !== undefined && opts.exitOn !== 'error') throw new UsageError('--exit-on: only "error" is supported');
  const validateMs = opts.validate === undefined || opts.validate === false ? undefined : parseDuration(opts.validate === true ? '5m' : opts.validate, '--validate');
  if (validateMs !== undefined && validateMs < 1000) throw new UsageError('--validate: must be at least 1s (STS is rate-limited)');
  const clockMs = parseDuration(opts.clockInterval ?? '10m', '--clock-interval');
  if (clockMs < 1000) throw new UsageError('--clock-interval: must be at least 1s');
  const heartbeatMs = parseDuration(opts.heartbeat ?? '5m', '--heartbeat');
  if (heartbeatMs < 1000) throw new UsageError('--heartbeat: must be at least 1s');

  const plan = await planSources(opts, env, intervalMs);
  const configPath = locateFile('config', env).path;
  // A role, SSO or process profile has no keys in a file: say what to watch instead.
  const rejected: Array<{ source: Source; detail: string }> = [];
  for (const s of [...plan.sources]) {
    if (!(s instanceof FileSource)) continue;
    const detail = await notFileKeys(s.path, configPath, s.name);
    if (detail) {
      rejected.push({ source: s, detail });
      plan.sources.splice(plan.sources.indexOf(s), 1);
    }
  }
  if (rejected.length && !plan.sources.length && !plan.pids.length && !plan.names.length) throw new UsageError(rejected.map((r) => r.detail).join('; '));

  const mask = (id: string) => maskKeyId(id, opts.showKeyIds)!;
  const region = resolveRegion(opts.region, env).region;
  const stsEndpoint = resolveStsEndpoint(env, region).url;

  let failures = 0;
  let emitted = 0;
  let done!: (code: number) => void;
  const finished = new Promise<number>((r) => (done = r));
  let exitCode = 0;
  let stopping = false;

  const emit = (name: WatchEventName, fields: Partial<WatchEvent> = {}) => {
    const e: WatchEvent = { event: name, time: new Date().toISOString(), source: 'watch', ...fields };
    void writeOut((opts.json ? toNdjson(e) : toText(e)) + '\n', opts.json ? 'json' : 'text');
    if (name === 'stopped' || name === 'heartbeat') return;
    emitted += 1;
    if (ERROR_EVENTS.has(name)) {
      failures += 1;
      if (opts.exitOn === 'error') return stop(1);
    }
    if (maxEvents !== undefined && emitted >= maxEvents) stop(exitCode);
    else textfile();
  };

  // --- trackers -------------------------------------------------------------------------------
  const trackers: Tracker[] = [];
  const validation = validateMs !== undefined ? makeValidation(validateMs) : undefined;
  // The agent's expiry belongs to the file and profile it shares (any file when it names none).
  const ssmExpiry = (s: FileSource) => async () => {
    const ssm = await readSsmRuntimeConfig(env, opts.ssmRuntimeConfig);
    if (ssm.status !== 'ok') return undefined;
    if (ssm.shareFile && (ssm.shareFile !== s.path || (ssm.shareProfile ?? 'default') !== s.name)) return undefined;
    return ssm.credentialsExpiresAt;
  };
  const track = (s: Source): Tracker => {
    const t = new Tracker(s, {
      warnBeforeMs,
      mask,
      emit: (name, fields) => !stopping && emit(name, fields),
      // The SSM agent's expiry belongs to the file it shares; a file with its own expiry key wins.
      ...(s instanceof FileSource ? { expiryFallback: ssmExpiry(s) } : {}),
      onRotation: (tr) => validation?.soon(tr),
    });
    trackers.push(t);
    return t;
  };
  const startSource = (s: Source) => {
    const t = track(s);
    s.start((o: Observation) => void t.observe(o));
    validation?.schedule(t);
    return t;
  };

  // --- validation (STS GetCallerIdentity) and clock ---------------------------------------------
  function makeValidation(everyMs: number) {
    const limiter = new RateLimiter(STS_MIN_GAP_MS);
    // reserved: the call has taken its place in the rate limiter's queue and only waits its turn.
    const timers = new Map<Tracker, { timer: NodeJS.Timeout; confirming: boolean; reserved: boolean }>();
    const confirmMs = Math.min(everyMs, 5000);
    const arm = (t: Tracker, ms: number, confirming = false) => {
      if (stopping) return;
      const old = timers.get(t);
      if (old) clearTimeout(old.timer);
      timers.set(t, { timer: setTimeout(() => queue(t, confirming), ms), confirming, reserved: false });
    };
    // The place in the queue is taken when the call is due, not when it is planned: a call planned
    // minutes ahead must not hold back one due now.
    const queue = (t: Tracker, confirming: boolean) => {
      const wait = limiter.reserve();
      if (wait === 0) return void run(t, confirming);
      timers.set(t, { timer: setTimeout(() => void run(t, confirming), wait), confirming, reserved: true });
    };
    const run = async (t: Tracker, confirming: boolean) => {
      timers.delete(t);
      if (stopping) return;
      const creds = t.credentials;
      if (!creds) return arm(t, jittered(everyMs));
      // Loaded on first use: the STS client is heavy, and watch without --validate never needs it.
      const { validateOnce } = await import('./validator.js');
      const r = await validateOnce(creds, stsEndpoint, region);
      if (stopping) return;
      const fields = { source: t.source.where, ...(t.source.kind === 'file' ? { profile: t.source.name } : { name: t.source.name }), ...(t.current ? { keyId: mask(t.current.keyId) } : {}) };
      if (r.ok) {
        t.lastValidationMs = Date.now();
        if (t.validationOk !== true) emit('validated', { ...fields, ...(r.account ? { account: r.account } : {}) });
        t.validationOk = true;
      } else if (!confirming && t.validationOk !== false) {
        // One failure may be new keys not yet usable everywhere (IAM is eventually consistent): confirm first.
        return arm(t, confirmMs, true);
      } else {
        t.lastValidationMs = Date.now();
        if (t.validationOk !== false) {
          t.failures += 1;
          emit('validation-failed', { ...fields, detail: `STS GetCallerIdentity at ${stsEndpoint}: ${r.detail}` });
        }
        t.validationOk = false;
      }
      textfile();
      arm(t, jittered(everyMs));
    };
    return {
      schedule: (t: Tracker) => arm(t, 0),
      // After a rotation, validate as soon as the rate limit allows. A call already queued (or a
      // confirmation) reads the newest keys when it runs, so it stands: re-planning it sent it to
      // the back of the queue, and a source rotating faster than the queue drained was never
      // validated at all.
      soon: (t: Tracker) => {
        const pending = timers.get(t);
        if (pending && (pending.confirming || pending.reserved)) return;
        arm(t, 0);
      },
      stop: () => {
        for (const tm of timers.values()) clearTimeout(tm.timer);
        timers.clear();
      },
    };
  }

  let clockOffsetMs: number | undefined;
  let lastClockMs: number | undefined;
  let skewed: boolean | undefined;
  const clockCheck = async () => {
    const ref = await probeAwsDate(stsEndpoint, 5000, { maxRequests: 4 });
    if (stopping) return;
    if (ref.offsetMs === undefined) return; // a failed STS is validation's event, not the clock's
    clockOffsetMs = ref.offsetMs;
    lastClockMs = Date.now();
    const isSkewed = Math.abs(ref.offsetMs) >= THRESHOLDS.warningMs;
    if (isSkewed !== skewed) emit(isSkewed ? 'clock-skew' : 'clock', { source: `sts:${stsEndpoint}`, offsetMs: Math.round(ref.offsetMs), ...(isSkewed ? { detail: 'local clock minus AWS; SigV4 requests fail beyond 5 minutes' } : {}) });
    skewed = isSkewed;
    textfile();
  };

  // --- processes -------------------------------------------------------------------------------
  const root = procRoot(env);
  const envTrackers = new Map<string, Tracker>();
  const fileTrackerFor = (path: string, profile: string): Tracker => {
    const found = trackers.find((t) => t.source instanceof FileSource && t.source.path === path && t.source.name === profile);
    return found ?? startSource(new FileSource(path, profile, intervalMs));
  };
  /** Stale processes by "pid:start", with the name for the metric. */
  const stale = new Map<string, { name: string; pid: number }>();
  const consumersOf = async (): Promise<Array<{ spec: string; c: Consumer | undefined }>> => {
    const out: Array<{ spec: string; c: Consumer | undefined }> = [];
    for (const pid of plan.pids) out.push({ spec: `pid ${pid}`, c: await inspectConsumer(root, pid) });
    for (const name of plan.names) {
      const pids = await pidsNamed(root, name);
      if (!pids.length) out.push({ spec: name, c: undefined });
      for (const pid of pids) out.push({ spec: name, c: await inspectConsumer(root, pid) });
    }
    return out;
  };
  const pollProcesses = async () => {
    if (!plan.pids.length && !plan.names.length) return;
    const seen = new Set<string>();
    const envSeen = new Set<string>();
    for (const { spec, c } of await consumersOf()) {
      if (stopping) return;
      const label = c?.name ?? spec;
      if (!c || c.uses.kind === 'env' || c.uses.kind === 'unreadable') {
        // The process's own environment is the source: a tracker per process spec.
        let t = envTrackers.get(spec);
        if (!t) envTrackers.set(spec, (t = track(processSource(label))));
        if (envSeen.has(spec)) continue; // several processes of one name: the first one speaks
        envSeen.add(spec);
        if (!c) void t.observe({ ok: false, detail: `no process ${spec.startsWith('pid') ? spec.slice(4) : `named ${spec}`}` });
        else if (c.uses.kind === 'unreadable') void t.observe({ ok: false, detail: c.uses.detail });
        else if (c.uses.kind === 'env') {
          if (!t.current) validation?.schedule(t);
          void t.observe(c.uses.observation);
        }
        continue;
      }
      if (c.uses.kind !== 'file') continue;
      const t = fileTrackerFor(c.uses.path, c.uses.profile);
      const key = `${c.pid}:${c.startMs}`;
      seen.add(key);
      if (isStale(c.startMs, t.lastRotationMs) && !stale.has(key)) {
        stale.set(key, { name: c.name, pid: c.pid });
        emit('stale-process', {
          source: `process:${c.name}`, name: c.name, pid: c.pid,
          detail: `started ${new Date(c.startMs!).toISOString()}, before the last rotation of ${c.uses.path} [${c.uses.profile}] at ${new Date(t.lastRotationMs!).toISOString()}; unless its SDK re-reads the file it still holds the previous keys: restart it`,
        });
      }
    }
    for (const [key, p] of stale) {
      if (seen.has(key)) continue;
      stale.delete(key);
      emit('process-restarted', { source: `process:${p.name}`, name: p.name, pid: p.pid, detail: 'the stale process exited or was restarted' });
    }
  };

  // --- textfile --------------------------------------------------------------------------------
  let textfileFailures = 0;
  let textfileBroken = false;
  const version = credcheckVersion();
  const metrics = (): WatchMetrics => {
    const now = Date.now();
    const byName = new Map<string, number>();
    for (const p of stale.values()) byName.set(p.name, (byName.get(p.name) ?? 0) + 1);
    return {
      sources: trackers.map((t): SourceMetrics => {
        const exp = t.expiryMs();
        const cadence = t.cadenceMs();
        return {
          labels: t.source.kind === 'file' ? { source: 'file', profile: t.source.name } : { source: t.source.kind, name: t.source.name },
          ...(exp !== undefined ? { expirySeconds: (exp - now) / 1000 } : {}),
          ...(t.lastRotationMs !== undefined ? { lastRotationSeconds: t.lastRotationMs / 1000 } : {}),
          rotationsTotal: t.rotations,
          ...(cadence !== undefined ? { cadenceSeconds: cadence / 1000 } : {}),
          up: t.up,
          ...(t.lastSuccessMs !== undefined ? { lastSuccessSeconds: t.lastSuccessMs / 1000 } : {}),
          failuresTotal: t.failures,
          ...(t.validationOk !== undefined ? { validationOk: t.validationOk } : {}),
          ...(t.lastValidationMs !== undefined ? { lastValidationSeconds: t.lastValidationMs / 1000 } : {}),
        };
      }),
      staleProcesses: [...new Set(plan.names.concat([...byName.keys()]))].map((name) => ({ labels: { process: name.slice(0, 15) }, count: byName.get(name.slice(0, 15)) ?? 0 })),
      ...(clockOffsetMs !== undefined ? { clockOffsetSeconds: clockOffsetMs / 1000, lastClockCheckSeconds: lastClockMs! / 1000 } : {}),
      heartbeatSeconds: now / 1000,
      textfileFailuresTotal: textfileFailures,
      version,
    };
  };
  // Test hook for a full disk: each write first goes through this device (e.g. /dev/full → ENOSPC).
  const faultDevice = env.CREDCHECK_TEXTFILE_FAULT_DEVICE;
  const writeOnce = async (file: string) => {
    const m = metrics();
    try {
      if (faultDevice) writeFaultDevice(faultDevice);
      await writeTextfile(file, m);
      if (textfileBroken) {
        textfileBroken = false;
        emit('recovered', { source: `textfile:${file}` });
      }
    } catch (error) {
      textfileFailures += 1;
      if (!textfileBroken) {
        textfileBroken = true;
        const code = (error as NodeJS.ErrnoException).code;
        emit('textfile-failed', { source: `textfile:${file}`, detail: `${code ?? (error as Error).message}; watch keeps running and retries every interval` });
        if (!opts.json) void writeErr(`credcheck watch: cannot write --textfile: ${code ?? (error as Error).message}\n`);
      }
    }
  };
  // Writes are chained and coalesced: one temp file at a time, at most one write queued behind it.
  let pendingWrite: Promise<void> = Promise.resolve();
  let queued = false;
  function textfile(): void {
    if (!opts.textfile || queued) return;
    queued = true;
    pendingWrite = pendingWrite.then(() => {
      queued = false;
      return writeOnce(opts.textfile!);
    });
  }

  // --- run -------------------------------------------------------------------------------------
  const tick = async () => {
    await Promise.all(trackers.map((t) => t.tick()));
    await pollProcesses().catch(() => undefined);
    textfile();
  };
  const timers: NodeJS.Timeout[] = [];
  const onSignal = () => stop(exitCode);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  function stop(code: number): void {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const t of trackers) t.source.stop();
    validation?.stop();
    for (const t of timers) clearTimeout(t);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    const rotations = trackers.reduce((n, t) => n + t.rotations, 0);
    const intervals = trackers.flatMap((t) => t.intervals);
    emit('stopped', { summary: { rotations, intervalMs: intervalStats(intervals), failures } });
    textfile(); // the final figures, including the event that ended the run
    void pendingWrite.then(() => done(code));
  }

  for (const r of rejected) emit('not-file-keys', { source: r.source.where, profile: r.source.name, detail: r.detail });
  for (const note of plan.notes) void writeErr(`credcheck watch: ${note}\n`);
  if (stopping) return finished;
  for (const s of plan.sources) startSource(s);
  await pollProcesses().catch(() => undefined);
  timers.push(setInterval(() => void tick(), intervalMs));
  if (validateMs !== undefined) {
    void clockCheck();
    timers.push(setInterval(() => void clockCheck(), clockMs));
  }
  timers.push(
    setInterval(() => {
      const up = trackers.filter((t) => t.up).length;
      emit('heartbeat', { detail: `${up} of ${trackers.length} source(s) up, ${trackers.reduce((n, t) => n + t.rotations, 0)} rotation(s), ${stale.size} stale process(es)` });
      textfile();
    }, heartbeatMs),
  );
  if (forMs !== undefined) timers.push(setTimeout(() => stop(exitCode), forMs));
  return finished;
}
