import dgram from 'node:dgram';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * One RFC 5905 client/server exchange, done here rather than by ntp-time-sync, which accepts any
 * datagram on its socket, never checks mode or origin, and opens udp4 sockets only (field notes
 * §6): a reply from another port was taken as the answer (+300 s), and `[::1]:9` failed with EINVAL
 * reported as "timeout". Here:
 *  - the socket is connect()ed to the server's address and port, so the kernel delivers only its
 *    datagrams, and every datagram's source is checked again anyway;
 *  - the request's transmit timestamp is 64 random bits, and a reply counts only if it echoes them
 *    as its origin timestamp (the local send time, T1, is kept here, never sent);
 *  - a reply must be 48 bytes or more, mode 4 (server), version 1–4;
 *  - IPv4 and IPv6 alike (udp4 / udp6 by the address family).
 * Timestamps keep their full 2^-32 s fractions (ntp-time-sync truncated them to whole ms).
 */
export interface NtpReply {
  t1: number;
  t2: number;
  t3: number;
  t4: number;
  stratum: number;
  leapIndicator: number;
  /** Reference id: 4 ASCII characters for stratum 0/1 (kiss code, source), else a dotted quad. */
  referenceId: string;
}

export type ExchangeResult =
  | { ok: true; reply: NtpReply }
  | { ok: false; kind: 'timeout' | 'error'; message: string; ignored: string[] };

const NTP_EPOCH_OFFSET_S = 2_208_988_800;

/** Wall-clock time with sub-ms resolution: timeOrigin is a µs-precise wall time (Date.now() is whole ms). */
const preciseNow = () => performance.timeOrigin + performance.now();

function readTimestamp(buf: Buffer, at: number): number {
  const seconds = buf.readUInt32BE(at);
  const fraction = buf.readUInt32BE(at + 4);
  return (seconds - NTP_EPOCH_OFFSET_S) * 1000 + (fraction / 2 ** 32) * 1000;
}

/** Why a datagram from the right source is not the reply to our request, or undefined when it is. */
export function replyProblem(msg: Buffer, nonce: Buffer): string | undefined {
  if (msg.length < 48) return `a ${msg.length}-byte datagram, not an NTP reply (48 bytes at least)`;
  const mode = msg[0]! & 0x07;
  const version = (msg[0]! >> 3) & 0x07;
  if (mode !== 4) return `mode ${mode}, not a server reply (mode 4)`;
  if (version < 1 || version > 4) return `NTP version ${version}`;
  if (!msg.subarray(24, 32).equals(nonce)) return 'its origin timestamp is not our request\'s transmit timestamp (a stale or spoofed reply)';
  return undefined;
}

export function exchange(address: string, port: number, timeoutMs: number): Promise<ExchangeResult> {
  const family = isIP(address);
  const ignored: string[] = [];
  return new Promise((resolve) => {
    let socket: dgram.Socket;
    try {
      socket = dgram.createSocket(family === 6 ? 'udp6' : 'udp4');
    } catch (error) {
      resolve({ ok: false, kind: 'error', message: (error as Error).message, ignored });
      return;
    }
    let done = false;
    const finish = (r: ExchangeResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        socket.close();
      } catch {
        // already closed
      }
      resolve(r);
    };
    const timer = setTimeout(() => finish({ ok: false, kind: 'timeout', message: `no answer within ${timeoutMs} ms`, ignored }), timeoutMs);
    const nonce = randomBytes(8);
    let t1 = 0;
    socket.on('error', (error: NodeJS.ErrnoException) => finish({ ok: false, kind: 'error', message: `${error.code ?? 'error'}: ${error.message}`, ignored }));
    socket.on('message', (msg, rinfo) => {
      const t4 = preciseNow();
      // connect() already filters; checked again so the guarantee does not rest on one mechanism.
      if (rinfo.port !== port || rinfo.address !== address) {
        ignored.push(`a datagram from ${rinfo.address}:${rinfo.port}, not ${address}:${port}`);
        return;
      }
      const problem = replyProblem(msg, nonce);
      if (problem) {
        ignored.push(problem);
        return;
      }
      finish({
        ok: true,
        reply: {
          t1,
          t2: readTimestamp(msg, 32),
          t3: readTimestamp(msg, 40),
          t4,
          stratum: msg[1]!,
          leapIndicator: msg[0]! >> 6,
          referenceId: msg[1]! <= 1 ? msg.subarray(12, 16).toString('latin1') : [...msg.subarray(12, 16)].join('.'),
        },
      });
    });
    socket.connect(port, address, () => {
      const request = Buffer.alloc(48);
      request[0] = (0 << 6) | (4 << 3) | 3; // no leap warning, version 4, mode 3 (client)
      nonce.copy(request, 40);
      t1 = preciseNow();
      socket.send(request, (error) => {
        if (error) finish({ ok: false, kind: 'error', message: `${(error as NodeJS.ErrnoException).code ?? 'error'}: ${error.message}`, ignored });
      });
    });
  });
}
