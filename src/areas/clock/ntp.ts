import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { withDeadline } from '../../kernel/probe.js';
import type { ClockReference } from './facts.js';
import { bestSample, sampleOf, type NtpSample } from './ntp-math.js';
import { exchange, type NtpReply } from './ntp-exchange.js';

/**
 * Queries NTP servers with ntp-exchange.ts (our own RFC 5905 client: replies accepted only from the
 * address and port asked, mode 4, with our random origin echoed; IPv4 and IPv6). ntp-time-sync is
 * no longer used for the measurement: it accepted any datagram and opened udp4 sockets only.
 */
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
  /** Name → IPv4 or IPv6 address; defaults to the system resolver (tests inject one so they never query DNS). */
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

type Packet = NtpReply;

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

const systemLookup = async (host: string) => (await lookup(host)).address;

async function resolve(host: string, deadlineMs: number, resolver = systemLookup): Promise<string> {
  if (isIP(host) !== 0) return host;
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
    const result = await exchange(address, server.port, budget);
    if (!result.ok) {
      const ignored = result.ignored.length ? ` (ignored: ${[...new Set(result.ignored)].slice(0, 2).join('; ')})` : '';
      lastError = result.ignored.length
        ? { kind: 'bad-response', message: `no valid reply within ${budget} ms${ignored}` }
        : result.kind === 'timeout'
          ? { kind: 'timeout', message: `no answer within ${budget} ms` }
          : { kind: 'bad-response', message: `cannot query ${label}: ${result.message}` };
      break; // a silent server stays silent: spend the budget elsewhere
    }
    const packet = result.reply;
    const problem = packetProblem(packet);
    ref.stratum = packet.stratum;
    ref.leap = packet.leapIndicator;
    if (problem) {
      lastError = problem;
      break; // kiss-o'-death means "stop asking"; an unsynchronised server's time is meaningless
    }
    samples.push(sampleOf(packet));
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
