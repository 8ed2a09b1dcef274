import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * An HTTP server that misbehaves on purpose, the way broken proxies, captive portals and half-dead
 * endpoints do. Every mode answers every path and method, so it can stand in for STS, IMDS or a
 * container endpoint alike.
 */
export type HostileMode =
  | 'hang-after-headers' // status and headers, then silence
  | 'drip' // one byte a second, forever
  | 'huge-body' // 64 MiB of junk
  | 'gigabyte' // 1 GiB of junk, streamed as fast as the client takes it
  | 'reset-json' // 200 with half a JSON credentials document, then a connection reset
  | 'invalid-body' // 200 with a body that is neither the XML nor the JSON expected
  | 'reset' // connection reset mid-response
  | 'wrong-content-type' // 200, text/html captive-portal page
  | 'redirect'; // 302 to another host, which must never be followed for credentials

export async function startHostile(mode: HostileMode): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    req.resume();
    switch (mode) {
      case 'hang-after-headers':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.flushHeaders();
        return;
      case 'drip': {
        res.writeHead(200, { 'content-type': 'application/json' });
        const t = setInterval(() => res.write('{'), 1000);
        timers.add(t);
        return;
      }
      case 'huge-body': {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(1024 * 1024, 'x');
        let sent = 0;
        const pump = () => {
          while (sent < 64 && res.write(chunk)) sent++;
          if (sent >= 64) res.end();
          else res.once('drain', pump);
        };
        res.on('error', () => undefined);
        pump();
        return;
      }
      case 'gigabyte': {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(1024 ** 3) });
        const chunk = Buffer.alloc(1024 * 1024, ' ');
        let sent = 0;
        const pump = () => {
          while (sent < 1024 && !res.destroyed && res.write(chunk)) sent++;
          if (sent >= 1024) res.end();
          else if (!res.destroyed) res.once('drain', pump);
        };
        res.on('error', () => undefined);
        pump();
        return;
      }
      case 'reset-json':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"Code":"Success","AccessKeyId":"ASIA');
        setTimeout(() => req.socket.destroy(), 20);
        return;
      case 'invalid-body':
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end('<<<this is not { xml or json');
        return;
      case 'reset':
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.write('<GetCallerIdentityResponse>');
        setTimeout(() => req.socket.destroy(), 20);
        return;
      case 'wrong-content-type':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><body>Please log in to the corporate network</body></html>');
        return;
      case 'redirect':
        res.writeHead(302, { location: 'http://127.0.0.2:9/latest/meta-data/' });
        res.end();
        return;
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      for (const t of timers) clearInterval(t);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
