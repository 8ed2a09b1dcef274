import { createServer, type Socket } from 'node:net';
import { createSocket } from 'node:dgram';

/**
 * A loopback "black hole": TCP connections are accepted and never answered, UDP datagrams are
 * received and dropped. This is what a firewalled IMDS, a dead proxy or blocked NTP looks like
 * from the client side, without sending a packet off the machine.
 */
export async function startBlackhole(): Promise<{ tcpUrl: string; tcpPort: number; udpPort: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const tcp = createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
  const udp = createSocket('udp4');
  udp.on('message', () => undefined);
  await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
  const tcpPort = (tcp.address() as { port: number }).port;
  const udpPort = udp.address().port;
  return {
    tcpUrl: `http://127.0.0.1:${tcpPort}`,
    tcpPort,
    udpPort,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
      await new Promise<void>((resolve) => udp.close(() => resolve()));
    },
  };
}
