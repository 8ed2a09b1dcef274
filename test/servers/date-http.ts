import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Loopback HTTP server whose Date header reads (real time + skewMs), like a skewed STS endpoint. */
export async function startDateServer(skewMs: number): Promise<{ url: string; requests: number; close(): Promise<void> }> {
  const state = { url: '', requests: 0, close: async () => {} };
  const server = http.createServer((req, res) => {
    state.requests++;
    res.setHeader('Date', new Date(Date.now() + skewMs).toUTCString());
    res.setHeader('Content-Type', 'text/xml');
    res.statusCode = 302;
    res.end('<redirect/>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  state.close = () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); });
  return state;
}
