import dgram from 'node:dgram';
import type { AddressInfo } from 'node:net';

/**
 * A loopback RFC 5905 server (mode 4 replies to mode 3 requests) with a chosen clock.
 * Delay model: `requestDelayMs` holds the request before stamping T2 (the request leg looks slow),
 * `replyDelayMs` holds the reply after stamping T3 (the reply leg looks slow). Equal values give a
 * symmetric path, where the true offset is recoverable exactly; unequal ones bias θ by half the
 * difference, as on a real asymmetric path.
 */
export interface NtpServerOptions {
  /** Server clock − real clock, ms (a server 300 s ahead of us makes the local clock 300 s behind). */
  offsetMs?: number;
  requestDelayMs?: number;
  replyDelayMs?: number;
  stratum?: number;
  leap?: number;
  /** Kiss-o'-death: stratum 0 with this 4-character code as reference id (RATE, DENY, …). */
  kissCode?: string;
  /** Never answer. */
  silent?: boolean;
  /** Answer with a zero origin timestamp, as a spoofed or stale reply would look. */
  wrongOrigin?: boolean;
  /** Send the (otherwise correct) reply from another UDP port, as an off-path spoofer would. */
  replyFromOtherPort?: boolean;
  /** Send only the first N bytes of the reply (a 20-byte datagram is no NTP packet). */
  truncateTo?: number;
  /** Reply with this mode instead of 4 (server). */
  mode?: number;
  /** Listen on ::1 instead of 127.0.0.1. */
  ipv6?: boolean;
}

const NTP_EPOCH_OFFSET_S = 2_208_988_800;

export function writeNtpTime(buf: Buffer, at: number, ms: number): void {
  const seconds = Math.floor(ms / 1000) + NTP_EPOCH_OFFSET_S;
  const fraction = Math.floor(((ms % 1000 + 1000) % 1000 / 1000) * 2 ** 32);
  buf.writeUInt32BE(seconds >>> 0, at);
  buf.writeUInt32BE(fraction >>> 0, at + 4);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Real time with sub-ms resolution: timeOrigin is a µs-precise wall time (Date.now() is whole ms). */
const preciseNow = () => performance.timeOrigin + performance.now();

export interface RunningNtpServer {
  port: number;
  address: string;
  /** Requests received (including ones left unanswered). */
  requests: number;
  options: NtpServerOptions;
  close(): Promise<void>;
}

export async function startNtpServer(options: NtpServerOptions = {}): Promise<RunningNtpServer> {
  const socket = dgram.createSocket(options.ipv6 ? 'udp6' : 'udp4');
  const other = dgram.createSocket(options.ipv6 ? 'udp6' : 'udp4');
  const state: RunningNtpServer = {
    port: 0,
    address: options.ipv6 ? '::1' : '127.0.0.1',
    requests: 0,
    options,
    close: () => new Promise((r) => other.close(() => socket.close(() => r()))),
  };
  socket.on('message', async (msg, rinfo) => {
    state.requests++;
    const o = state.options;
    if (o.silent || msg.length < 48) return;
    if (o.requestDelayMs) await sleep(o.requestDelayMs);
    const offset = o.offsetMs ?? 0;
    const t2 = preciseNow() + offset;
    const reply = Buffer.alloc(48);
    const kiss = o.kissCode !== undefined;
    const leap = kiss ? 3 : (o.leap ?? 0);
    reply[0] = (leap << 6) | (4 << 3) | (o.mode ?? 4); // LI, version 4, mode 4 (server)
    reply[1] = kiss ? 0 : (o.stratum ?? 2);
    reply[2] = 4; // poll
    reply[3] = 0xec; // precision −20
    reply.write(kiss ? o.kissCode!.padEnd(4, ' ').slice(0, 4) : 'LOCL', 12, 'ascii');
    writeNtpTime(reply, 16, t2 - 1000); // reference timestamp
    if (!o.wrongOrigin) msg.copy(reply, 24, 40, 48); // origin = the client's transmit timestamp, echoed verbatim
    writeNtpTime(reply, 32, t2);
    writeNtpTime(reply, 40, preciseNow() + offset);
    if (o.replyDelayMs) await sleep(o.replyDelayMs);
    try {
      const out = o.truncateTo !== undefined ? reply.subarray(0, o.truncateTo) : reply;
      (o.replyFromOtherPort ? other : socket).send(out, rinfo.port, rinfo.address);
    } catch {
      // socket closed while we were delaying: the test is over
    }
  });
  const host = options.ipv6 ? '::1' : '127.0.0.1';
  await new Promise<void>((resolve) => socket.bind(0, host, () => resolve()));
  await new Promise<void>((resolve) => other.bind(0, host, () => resolve()));
  state.port = (socket.address() as AddressInfo).port;
  return state;
}
