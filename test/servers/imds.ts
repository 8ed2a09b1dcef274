/**
 * A loopback EC2 instance metadata service (IMDS) for tests. Listens on 127.0.0.1 (or opts.host), port 0 (or opts.port).
 *
 * API
 *   startImds(opts?: ImdsOptions) => Promise<ImdsServer>
 *     opts.mode         ImdsMode (default 'v2')
 *     opts.role         role name (default 'test-role')
 *     opts.credentials  { accessKeyId?, secretAccessKey?, token?, expiration?: Date, lastUpdated?: Date, code?, type? }
 *     opts.rotateEveryMs  with mode 'rotation': issue new credentials (new key id suffix, new expiry)
 *                       every N ms; `rotations` counts them
 *     opts.slowMs       delay before each answer in mode 'slow' (default 3000)
 *     opts.region, opts.accountId, opts.instanceId   identity document values
 *   ImdsServer = { url, port, close(), setMode(mode), setCredentials(partial), requests, rotations }
 *     url       'http://127.0.0.1:PORT' (use as AWS_EC2_METADATA_SERVICE_ENDPOINT)
 *     requests  [{ method, path, token: boolean, ttl?: string }] — every request seen, in order
 *
 * Modes (what real IMDS does in each situation):
 *   'v2'            tokens optional (IMDSv1 and v2 both answer) — the default instance setting
 *   'v2-required'   HttpTokens=required: tokenless GETs → 401
 *   'v1-only'       PUT /latest/api/token → 403 (also 'v1-only-404', 'v1-only-405'), GETs answer
 *   'hop-limit'     the PUT is read but its response is never sent (TTL-1 reply dropped); GETs answer
 *   'no-role'       iam/security-credentials/ and iam/info → 404 (no instance profile)
 *   'throttled'     every GET → 429 (PUT answers)
 *   'unauthorized'  role credentials with Code "AssumeRoleUnauthorizedAccess" (no keys)
 *   'expiring'      credentials expire in 3 min (late rotation: AWS rotates ≥ 5 min before)
 *   'expired'       credentials expired 10 min ago
 *   'rotation'      fresh credentials, replaced every opts.rotateEveryMs
 *   'slow'          every response delayed opts.slowMs
 *   'garbage'       credentials body is not JSON
 *   'disabled'      HttpEndpoint=disabled: everything → 403
 *   'blackhole'     accepts every connection and never answers
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { randomUUID } from 'node:crypto';

export type ImdsMode =
  | 'v2' | 'v2-required' | 'v1-only' | 'v1-only-404' | 'v1-only-405' | 'hop-limit' | 'no-role'
  | 'throttled' | 'unauthorized' | 'expiring' | 'expired' | 'rotation' | 'slow' | 'garbage'
  | 'disabled' | 'blackhole';

export interface ImdsCredentialsSpec {
  accessKeyId?: string;
  secretAccessKey?: string;
  token?: string;
  expiration?: Date;
  lastUpdated?: Date;
  code?: string;
  type?: string;
}

export interface ImdsOptions {
  mode?: ImdsMode;
  role?: string;
  credentials?: ImdsCredentialsSpec;
  rotateEveryMs?: number;
  slowMs?: number;
  region?: string;
  accountId?: string;
  instanceId?: string;
  /** Listen address (default 127.0.0.1, any free port); any 127/8 address works on Linux. */
  host?: string;
  port?: number;
}

export interface ImdsRequest {
  method: string;
  path: string;
  token: boolean;
  ttl?: string;
}

export interface ImdsServer {
  url: string;
  port: number;
  requests: ImdsRequest[];
  readonly rotations: number;
  setMode(mode: ImdsMode): void;
  setCredentials(c: ImdsCredentialsSpec): void;
  close(): Promise<void>;
}

const CREDS_PATH = '/latest/meta-data/iam/security-credentials/';

export async function startImds(opts: ImdsOptions = {}): Promise<ImdsServer> {
  let mode: ImdsMode = opts.mode ?? 'v2';
  const role = opts.role ?? 'test-role';
  const accountId = opts.accountId ?? '123456789012';
  const tokens = new Set<string>();
  let rotations = 0;
  let creds: ImdsCredentialsSpec = { ...opts.credentials };
  let issuedAt = Date.now();
  const sockets = new Set<Socket>();
  const requests: ImdsRequest[] = [];

  const current = () => {
    const now = Date.now();
    if (mode === 'rotation' && opts.rotateEveryMs) {
      const n = Math.floor((now - issuedAt) / opts.rotateEveryMs);
      if (n > rotations) rotations = n;
    }
    const suffix = String(rotations).padStart(4, '0');
    let expiration = creds.expiration ?? new Date(now + 6 * 3600_000);
    if (mode === 'expiring') expiration = new Date(now + 3 * 60_000);
    if (mode === 'expired') expiration = new Date(now - 10 * 60_000);
    const body: Record<string, string> = {
      Code: creds.code ?? (mode === 'unauthorized' ? 'AssumeRoleUnauthorizedAccess' : 'Success'),
      LastUpdated: (creds.lastUpdated ?? new Date(now - 60_000)).toISOString().replace(/\.\d+Z$/, 'Z'),
      Type: creds.type ?? 'AWS-HMAC',
    };
    if (body.Code === 'Success') {
      body.AccessKeyId = creds.accessKeyId ?? `ASIATESTIMDSKEY${suffix}`;
      body.SecretAccessKey = creds.secretAccessKey ?? `imdsSecret${suffix}xxxxxxxxxxxxxxxxxxxxxxxxxxxx`;
      body.Token = creds.token ?? `imdsToken${suffix}yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy`;
      body.Expiration = expiration.toISOString().replace(/\.\d+Z$/, 'Z');
    } else {
      body.Message = 'Instance profile role could not be assumed: the role trust policy does not allow ec2.amazonaws.com';
    }
    return body;
  };

  const send = (res: ServerResponse, status: number, body: string, type = 'text/plain') => {
    const go = () => {
      if (res.destroyed) return;
      res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), Server: 'EC2ws' });
      res.end(body);
    };
    if (mode === 'slow') setTimeout(go, opts.slowMs ?? 3000).unref();
    else go();
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const tokenHeader = req.headers['x-aws-ec2-metadata-token'];
    const ttl = req.headers['x-aws-ec2-metadata-token-ttl-seconds'] as string | undefined;
    requests.push({ method: req.method ?? 'GET', path, token: typeof tokenHeader === 'string', ...(ttl ? { ttl } : {}) });
    if (mode === 'blackhole') return; // never answer
    if (mode === 'disabled') return send(res, 403, 'Forbidden');

    if (path === '/latest/api/token') {
      if (req.method !== 'PUT') return send(res, 405, 'Method Not Allowed');
      if (mode === 'v1-only') return send(res, 403, 'Forbidden');
      if (mode === 'v1-only-404') return send(res, 404, 'Not Found');
      if (mode === 'v1-only-405') return send(res, 405, 'Method Not Allowed');
      if (mode === 'hop-limit') return; // the reply would need 2 hops: it is dropped
      const n = Number(ttl);
      if (!ttl || !Number.isInteger(n) || n < 1 || n > 21600) return send(res, 400, 'Bad Request');
      const t = `AQAEA${randomUUID().replace(/-/g, '')}==`;
      tokens.add(t);
      res.setHeader('X-aws-ec2-metadata-token-ttl-seconds', String(n));
      return send(res, 200, t);
    }
    if (req.method !== 'GET') return send(res, 405, 'Method Not Allowed');
    if (typeof tokenHeader === 'string' && !tokens.has(tokenHeader)) return send(res, 401, 'Unauthorized');
    if (mode === 'v2-required' && typeof tokenHeader !== 'string') return send(res, 401, 'Unauthorized');
    if (mode === 'throttled') return send(res, 429, 'Too Many Requests');

    if (path === CREDS_PATH) {
      if (mode === 'no-role') return send(res, 404, 'Not Found');
      return send(res, 200, role);
    }
    if (path === CREDS_PATH + role) {
      if (mode === 'no-role') return send(res, 404, 'Not Found');
      if (mode === 'garbage') return send(res, 200, '<html>proxy error page</html>', 'text/html');
      return send(res, 200, JSON.stringify(current(), null, 2));
    }
    if (path === '/latest/meta-data/iam/info') {
      if (mode === 'no-role') return send(res, 404, 'Not Found');
      return send(res, 200, JSON.stringify({
        Code: 'Success',
        LastUpdated: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
        InstanceProfileArn: `arn:aws:iam::${accountId}:instance-profile/${role}-profile`,
        InstanceProfileId: 'AIPATESTPROFILE00001',
      }, null, 2));
    }
    if (path === '/latest/dynamic/instance-identity/document') {
      return send(res, 200, JSON.stringify({
        accountId,
        architecture: 'x86_64',
        availabilityZone: `${opts.region ?? 'eu-west-1'}a`,
        imageId: 'ami-0123456789abcdef0',
        instanceId: opts.instanceId ?? 'i-0123456789abcdef0',
        instanceType: 't3.micro',
        pendingTime: '2026-01-01T00:00:00Z',
        privateIp: '10.0.0.10',
        region: opts.region ?? 'eu-west-1',
        version: '2017-09-30',
      }, null, 2), 'application/json');
    }
    return send(res, 404, 'Not Found');
  };

  const server = createServer(handle);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve);
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    port,
    requests,
    get rotations() {
      current();
      return rotations;
    },
    setMode(m) {
      mode = m;
      if (m === 'rotation') issuedAt = Date.now();
    },
    setCredentials(c) {
      creds = { ...creds, ...c };
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
