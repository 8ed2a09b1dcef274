/**
 * A loopback HTTP CONNECT proxy for proxy-path tests.
 *
 * API
 *   startProxy(opts?: { mode?: 'normal' | 'refuse' | 'auth'; user?: string; password?: string }) => Promise<ProxyServer>
 *     normal: tunnels every CONNECT (and forwards absolute-URI plain HTTP requests);
 *     refuse: answers every CONNECT/request with 403 Forbidden;
 *     auth:   requires `Proxy-Authorization: Basic base64(user:password)` (default user "proxyuser",
 *             password "proxypass"), else 407 with `Proxy-Authenticate: Basic realm="credcheck-test"`.
 *     hosts: { 'sts.example.invalid': '127.0.0.1' } makes the proxy resolve names the client cannot
 *             (a "proxy-only route": only through the proxy does the name lead anywhere).
 *   ProxyServer = { url: 'http://127.0.0.1:PORT'; port; connects: string[] (host:port of every
 *     CONNECT/forward attempted, accepted or not); close(): Promise<void> }
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ProxyOptions {
  mode?: 'normal' | 'refuse' | 'auth';
  user?: string;
  password?: string;
  hosts?: Record<string, string>;
}

export interface ProxyServer {
  url: string;
  port: number;
  connects: string[];
  close(): Promise<void>;
}

export async function startProxy(opts: ProxyOptions = {}): Promise<ProxyServer> {
  const mode = opts.mode ?? 'normal';
  const expected = `Basic ${Buffer.from(`${opts.user ?? 'proxyuser'}:${opts.password ?? 'proxypass'}`).toString('base64')}`;
  const connects: string[] = [];
  const sockets = new Set<Socket>();

  /** Why this request may not pass, as a status line, or undefined when it may. */
  function verdict(req: IncomingMessage): string | undefined {
    if (mode === 'refuse') return '403 Forbidden';
    if (mode === 'auth' && req.headers['proxy-authorization'] !== expected) return '407 Proxy Authentication Required';
    return undefined;
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // Plain-HTTP forward proxying (absolute URI in the request line).
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    connects.push(target.host);
    const v = verdict(req);
    if (v) {
      const headers: Record<string, string> = v.startsWith('407') ? { 'proxy-authenticate': 'Basic realm="credcheck-test"' } : {};
      res.writeHead(Number(v.slice(0, 3)), headers).end();
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const upstream = httpRequest({ host: opts.hosts?.[target.hostname] ?? target.hostname, port: target.port || 80, method: req.method, path: target.pathname + target.search, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });

  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const hostPort = req.url ?? '';
    connects.push(hostPort);
    const v = verdict(req);
    if (v) {
      const extra = v.startsWith('407') ? 'Proxy-Authenticate: Basic realm="credcheck-test"\r\n' : '';
      client.end(`HTTP/1.1 ${v}\r\n${extra}Content-Length: 0\r\n\r\n`);
      return;
    }
    const idx = hostPort.lastIndexOf(':');
    const name = hostPort.slice(0, idx).replace(/^\[|\]$/g, '');
    const host = opts.hosts?.[name] ?? name;
    const port = Number(hostPort.slice(idx + 1));
    const upstream = connect(port, host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n'));
    client.on('error', () => upstream.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    connects,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
