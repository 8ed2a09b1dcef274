import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback IAM Identity Center: the SSO portal's GetRoleCredentials (GET /federation/credentials,
 * bearer token in x-amz-sso_bearer_token, as @aws-sdk/nested-clients/sso sends it) and SSO OIDC's
 * CreateToken (POST /token), which the SDK calls to refresh a cached token. Point the SDK at it
 * with AWS_ENDPOINT_URL_SSO and AWS_ENDPOINT_URL_SSO_OIDC. `refreshes` counts CreateToken calls:
 * credcheck must never make one (a refresh is followed by a rewrite of the token cache).
 */
export interface SsoServer {
  url: string;
  /** GetRoleCredentials calls, with the bearer token they carried. */
  roleCalls: Array<{ token: string | undefined; account: string | null; role: string | null }>;
  refreshes: number;
  close(): Promise<void>;
}

export interface SsoOptions {
  accessToken: string;
  roleCredentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expirationMs: number };
  /** What CreateToken hands out (a canary: it must never be used). */
  refreshedToken?: string;
}

export async function startSso(opts: SsoOptions): Promise<SsoServer> {
  const state = { roleCalls: [] as SsoServer['roleCalls'], refreshes: 0 };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method === 'POST' && url.pathname === '/token') {
        state.refreshes++;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ accessToken: opts.refreshedToken ?? 'REFRESHEDtokenMUSTnotBEused000000', expiresIn: 3600, tokenType: 'Bearer', refreshToken: 'REFRESHEDrefreshTOKEN0000000000' }));
        return;
      }
      if (req.method === 'GET' && url.pathname === '/federation/credentials') {
        const token = req.headers['x-amz-sso_bearer_token'] as string | undefined;
        state.roleCalls.push({ token, account: url.searchParams.get('account_id'), role: url.searchParams.get('role_name') });
        if (token !== opts.accessToken) {
          res.writeHead(401, { 'content-type': 'application/json', 'x-amzn-errortype': 'UnauthorizedException' });
          res.end(JSON.stringify({ message: 'Session token not found or invalid' }));
          return;
        }
        const c = opts.roleCredentials;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ roleCredentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken, expiration: c.expirationMs } }));
        return;
      }
      res.writeHead(404);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get roleCalls() {
      return state.roleCalls;
    },
    get refreshes() {
      return state.refreshes;
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
