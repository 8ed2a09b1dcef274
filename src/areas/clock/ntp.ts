import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ntpTimeSync from 'ntp-time-sync';
import { withDeadline } from '../../kernel/probe.js';
import type { ClockReference } from './facts.js';
import { bestSample, sampleOf, type NtpSample } from './ntp-math.js';

/**
 * Why ntp-time-sync's getNetworkTime and not its getTime(): getTime() averages a biased offset
 * (see ntp-math.ts) and retries up to 3 × replyTimeout. getNetworkTime() does one exchange and
 * returns the parsed packet plus destinationTimestamp, i.e. T1..T4. Precision is adequate for a
 * ±5 ms target: T1 (the echoed origin) and T4 are Date.now() (1 ms); ntp-packet-parser turns T2/T3
 * into Dates, which truncates their 2^-32 s fractions to whole ms. So each sample carries up to
 * ~1 ms of quantisation error. Its quirks we work around: it stamps T1 before the DNS lookup that
 * dgram.send does (so we resolve first and pass an address), and its socket "error" handler never
 * fires (errors surface only as its timeout), so we keep replyTimeout short. IPv4 only (udp4).
 */
const { NtpTimeSync } = ntpTimeSync as unknown as typeof import('ntp-time-sync');

export interface NtpServer {
  host: string;
  port: number;
}

export interface NtpQueryOptions {
  samples: number;
  /** Per-exchange reply timeout (ms). */
  replyTimeoutMs: number;
  /** Whole-server budget (ms): DNS + all samples. */
  deadlineMs: number;
  /** Name → IPv4 address; defaults to the system resolver (tests inject one so they never query DNS). */
  lookup?: (host: string) => Promise<string>;
}

export function parseServer(text: string): NtpServer {
  const t = text.trim();
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(t);
  if (v6) return { host: v6[1]!, port: v6[2] ? Number(v6[2]) : 123 };
  const m = /^([^:\s]+)(?::(\d+))?$/.exec(t);
  if (!m || (m[2] !== undefined && (Number(m[2]) < 1 || Number(m[2]) > 65535))) throw new Error(`"${text}" is not host[:port]`);
  return { host: m[1]!, port: m[2] ? Number(m[2]) : 123 };
}

export function serverLabel(s: NtpServer): string {
  return s.port === 123 ? s.host : `${s.host}:${s.port}`;
}

type Packet = Awaited<ReturnType<InstanceType<typeof NtpTimeSync>['getNetworkTime']>>;

/** Exchange-level errors that say more than "no sample": unsynchronised server, kiss-o'-death. */
function packetProblem(p: Packet): ClockReference['error'] & { kissCode?: string } | undefined {
  if (p.stratum === 0) {
    const code = kissCodeOf(p.referenceId);
    return { kind: 'kiss-of-death', message: `kiss-o'-death${code ? ` ${code}` : ''}: the server refuses to serve time to this host`, kissCode: code || undefined };
  }
  if (p.leapIndicator === 3 || (p.stratum ?? 16) >= 16) {
    return { kind: 'unsynchronised', message: `the server says it is not synchronised (leap ${p.leapIndicator}, stratum ${p.stratum})` };
  }
  return undefined;
}

/**
 * ntp-packet-parser renders the reference id as ASCII only for stratum 1; for every other stratum
 * as a number or dotted quad; for stratum 0 it gives the 32-bit number ("RATE" → "1380013125").
 */
function kissCodeOf(referenceId: unknown): string {
  const raw = String(referenceId ?? '');
  const text = /^\d+$/.test(raw) ? Buffer.from([24, 16, 8, 0].map((s) => (Number(raw) >>> s) & 0xff)).toString('latin1') : raw;
  return text.replace(/[^\x20-\x7e]/g, '').trim();
}

const systemLookup = async (host: string) => (await lookup(host, { family: 4 })).address;

async function resolve(host: string, deadlineMs: number, resolver = systemLookup): Promise<string> {
  if (isIP(host) === 4) return host;
  return withDeadline(resolver(host), deadlineMs, `resolving ${host}`);
}

/** Several sequential exchanges with one server; never throws (errors become the reference's error). */
export async function queryNtpServer(server: NtpServer, opts: NtpQueryOptions): Promise<ClockReference> {
  const label = serverLabel(server);
  const ref: ClockReference = { name: `NTP ${label}`, kind: 'ntp', server: label };
  const start = performance.now();
  const left = () => opts.deadlineMs - (performance.now() - start);
  let address: string;
  try {
    address = await resolve(server.host, Math.max(1, Math.min(left(), opts.replyTimeoutMs)), opts.lookup);
  } catch (error) {
    ref.error = { kind: 'dns', message: `cannot resolve ${server.host}: ${(error as Error).message}` };
    return ref;
  }
  const samples: NtpSample[] = [];
  let lastError: ClockReference['error'] & { kissCode?: string } | undefined;
  for (let i = 0; i < opts.samples; i++) {
    const budget = Math.floor(Math.min(opts.replyTimeoutMs, left()));
    if (budget < 20) break;
    const client = new NtpTimeSync({ servers: [], replyTimeout: budget });
    let packet: Packet;
    const before = Date.now();
    try {
      packet = await client.getNetworkTime(address, server.port);
    } catch (error) {
      lastError = { kind: 'timeout', message: `no answer within ${budget} ms (${(error as Error).message.replace(/\.$/, '')})` };
      break; // a silent server stays silent: spend the budget elsewhere
    }
    // ntp-time-sync accepts any datagram on the socket: insist on a server reply to *our* request
    // (mode 4, our transmit time echoed as origin), or the arithmetic below would be meaningless.
    const origin = packet.originTimestamp?.getTime() ?? NaN;
    if (packet.mode !== 4 || !(origin >= before - 1 && origin <= packet.destinationTimestamp.getTime() + 1)) {
      lastError = { kind: 'bad-response', message: `not a reply to our request (mode ${packet.mode}, origin ${packet.originTimestamp?.toISOString?.() ?? '?'})` };
      continue;
    }
    const problem = packetProblem(packet);
    ref.stratum = packet.stratum;
    ref.leap = packet.leapIndicator;
    if (problem) {
      lastError = problem;
      break; // kiss-o'-death means "stop asking"; an unsynchronised server's time is meaningless
    }
    samples.push(
      sampleOf({
        t1: packet.originTimestamp!.getTime(),
        t2: packet.receiveTimestamp!.getTime(),
        t3: packet.transmitTimestamp!.getTime(),
        t4: packet.destinationTimestamp.getTime(),
      }),
    );
  }
  const best = bestSample(samples);
  if (best) {
    ref.offsetMs = round(best.offsetMs);
    ref.delayMs = round(best.delayMs);
    ref.uncertaintyMs = round(best.uncertaintyMs);
    ref.samples = samples.length;
  } else if (lastError) {
    const { kissCode, ...err } = lastError;
    ref.error = err;
    if (kissCode) ref.kissCode = kissCode;
  } else {
    ref.error = { kind: 'timeout', message: `no answer within ${opts.deadlineMs} ms` };
  }
  return ref;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
