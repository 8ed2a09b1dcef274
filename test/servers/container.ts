/**
 * A loopback container credentials endpoint (ECS task role / EKS Pod Identity style) for tests.
 * Listens on 127.0.0.1, port 0.
 *
 * API
 *   startContainer(opts?: ContainerOptions) => Promise<ContainerServer>
 *     opts.path        credentials path (default '/v2/credentials/test-task'); the relative-URI value
 *     opts.authToken   if set, requests must carry `Authorization: <authToken>` exactly, else 401
 *                      (EKS Pod Identity / FULL_URI style); unset = no check (ECS relative style)
 *     opts.mode        'ok' | 'expired' | 'error' (500) | 'garbage' | 'blackhole' (default 'ok')
 *     opts.credentials { accessKeyId?, secretAccessKey?, token?, expiration?: Date }
 *   ContainerServer = { url, port, fullUri, close(), setMode(m), requests }
 *     url      'http://127.0.0.1:PORT'
 *     fullUri  url + path (use as AWS_CONTAINER_CREDENTIALS_FULL_URI)
 *     requests [{ path, authorization?: string }]
 *
 * Responses mirror the ECS agent: 200 JSON { AccessKeyId, SecretAccessKey, Token, Expiration,
 * RoleArn }, 404 for unknown paths, 401 (JSON { code, message }) for a missing/wrong token.
 */
import { createServer } from 'node:http';
import type { Socket } from 'node:net';

export type ContainerMode = 'ok' | 'expired' | 'error' | 'garbage' | 'blackhole';

export interface ContainerOptions {
  path?: string;
  authToken?: string;
  mode?: ContainerMode;
  credentials?: { accessKeyId?: string; secretAccessKey?: string; token?: string; expiration?: Date };
}

export interface ContainerServer {
  url: string;
  port: number;
  fullUri: string;
  requests: Array<{ path: string; authorization?: string }>;
  setMode(m: ContainerMode): void;
  close(): Promise<void>;
}

export async function startContainer(opts: ContainerOptions = {}): Promise<ContainerServer> {
  const path = opts.path ?? '/v2/credentials/test-task';
  let mode: ContainerMode = opts.mode ?? 'ok';
  const requests: ContainerServer['requests'] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const auth = req.headers.authorization;
    requests.push({ path: req.url ?? '/', ...(auth !== undefined ? { authorization: auth } : {}) });
    if (mode === 'blackhole') return;
    const json = (status: number, body: unknown) => {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
      res.end(text);
    };
    if (opts.authToken !== undefined && auth !== opts.authToken) {
      return json(401, { code: 'AccessDeniedException', message: 'Authorization token is missing or invalid' });
    }
    if ((req.url ?? '').split('?')[0] !== path) return json(404, { code: 'NotFound', message: 'no such credentials path' });
    if (mode === 'error') return json(500, { code: 'InternalServerError', message: 'agent failed to fetch credentials' });
    if (mode === 'garbage') return json(200, 'not json at all');
    const c = opts.credentials ?? {};
    const expiration = mode === 'expired' ? new Date(Date.now() - 600_000) : c.expiration ?? new Date(Date.now() + 3600_000);
    return json(200, {
      AccessKeyId: c.accessKeyId ?? 'ASIATESTCONTAINER001',
      SecretAccessKey: c.secretAccessKey ?? 'Xq4vR8mT2kL9pN7wB1zH5jD3fG6cY0sA8uE4tVbQ',
      Token: c.token ?? 'IQoJb3JpZ2luX2VjEFcaCXVzLWVhc3QtMSJHMEUCIQD7kR2mV9',
      Expiration: expiration.toISOString().replace(/\.\d+Z$/, 'Z'),
      RoleArn: 'arn:aws:iam::123456789012:role/task-role',
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    fullUri: url + path,
    requests,
    setMode(m) {
      mode = m;
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
