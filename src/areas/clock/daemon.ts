import { execFile } from 'node:child_process';
import type { ClockReference } from './facts.js';

/** Runs a program with a hard timeout; resolves undefined when it is absent or fails. */
function run(cmd: string, args: string[], timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    try {
      execFile(cmd, args, { timeout: timeoutMs, env: { ...process.env, LC_ALL: 'C' } }, (err, stdout) => resolve(err ? undefined : String(stdout)));
    } catch {
      resolve(undefined);
    }
  });
}

/** `chronyc -n tracking`: "System time : 0.000123 seconds slow of NTP time" (slow = local behind). */
export function parseChrony(text: string): ClockReference | undefined {
  const field = (k: string) => new RegExp(`^${k}\\s*:\\s*(.*)$`, 'm').exec(text)?.[1]?.trim();
  const sys = /([\d.]+) seconds (slow|fast)/.exec(field('System time') ?? '');
  if (!sys) return undefined;
  const ref: ClockReference = { name: 'chrony', kind: 'daemon', server: 'chronyc tracking' };
  ref.offsetMs = Math.round(Number(sys[1]) * 1000 * (sys[2] === 'fast' ? 1 : -1) * 10) / 10;
  const refId = field('Reference ID');
  if (refId) ref.server = `chronyc tracking (${refId})`;
  const stratum = Number(field('Stratum'));
  if (Number.isFinite(stratum)) ref.stratum = stratum;
  const rootDelay = /([\d.]+) seconds/.exec(field('Root delay') ?? '');
  if (rootDelay) ref.delayMs = Math.round(Number(rootDelay[1]) * 1000 * 10) / 10;
  const leap = field('Leap status');
  ref.synchronised = leap !== undefined && !/not synchronised/i.test(leap);
  if (!ref.synchronised) ref.error = { kind: 'unsynchronised', message: `chrony leap status: ${leap ?? 'unknown'}` };
  return ref;
}

/** `timedatectl show`: only whether systemd thinks the clock is synchronised (no offset). */
export function parseTimedatectl(text: string): ClockReference | undefined {
  const kv = Object.fromEntries(text.split('\n').map((l) => l.split('=', 2)).filter((p) => p.length === 2));
  if (kv.NTPSynchronized === undefined) return undefined;
  const ref: ClockReference = { name: 'systemd', kind: 'daemon', server: `timedatectl (NTP service ${kv.NTP === 'yes' ? 'on' : 'off'})` };
  ref.synchronised = kv.NTPSynchronized === 'yes';
  if (!ref.synchronised) ref.error = { kind: 'unsynchronised', message: `timedatectl: NTPSynchronized=no, NTP=${kv.NTP ?? '?'}` };
  return ref;
}

export async function probeDaemons(timeoutMs: number): Promise<ClockReference[]> {
  const [chrony, timedatectl] = await Promise.all([run('chronyc', ['-n', 'tracking'], timeoutMs), run('timedatectl', ['show'], timeoutMs)]);
  return [chrony && parseChrony(chrony), timedatectl && parseTimedatectl(timedatectl)].filter((r): r is ClockReference => Boolean(r));
}
