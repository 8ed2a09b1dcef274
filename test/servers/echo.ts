/**
 * A hostile loopback endpoint that plays every server credcheck or the SDK talks to, and echoes
 * back what it was sent, the way a misconfigured gateway, a debugging proxy or a malicious
 * endpoint would. For attack tests: whatever a request carried (Authorization, the SSO bearer,
 * the web identity JWT, Proxy-Authorization, the container token) comes back in the answer, and
 * every name or message it returns carries `inject` (control characters, workflow commands).
 *
 * API
 *   startEcho(opts: EchoOptions) => Promise<EchoServer>
 *   EchoOptions = {
 *     sts: 'echo-error' | 'inject-identity';  // POST /: an error quoting headers and body, or a
 *                                              //   GetCallerIdentity / AssumeRole* success whose Arn,
 *                                              //   Account and UserId carry `inject`
 *     inject: string;                          // hostile text placed in every name and message
 *   }
 *   EchoServer = { url, port, requests: number, hits: { sts, sso, imds, container, proxy } (requests per persona), close() }
 * Personas by request:
 *   POST /                         STS (Query protocol), as above
 *   GET  /federation/credentials   SSO portal: 401 quoting x-amz-sso_bearer_token
 *   PUT  /latest/api/token         IMDS token (the token is echoed in later answers)
 *   GET  /latest/meta-data/iam/security-credentials/[ROLE]   role name = inject; the role's answer is
 *                                  Code "Failure" with a Message quoting the IMDS token and `inject`
 *   GET  /container                container endpoint: 401 quoting Authorization
 *   CONNECT / absolute-URI         proxy: 407 quoting Proxy-Authorization
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface EchoOptions {
  sts: 'echo-error' | 'inject-identity';
  inject: string;
}

export interface EchoServer {
  url: string;
  port: number;
  requests: number;
  hits: Record<Persona, number>;
  close(): Promise<void>;
}

type Persona = 'sts' | 'sso' | 'imds' | 'container' | 'proxy';

/** XML text escaping that keeps control characters raw: the SDK's parser takes them as they are. */
function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function headerDump(req: IncomingMessage): string {
  return Object.entries(req.headers)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`)
    .join('; ');
}

export async function startEcho(opts: EchoOptions): Promise<EchoServer> {
  const sockets = new Set<Socket>();
  let imdsToken = '';
  const state = { requests: 0 };
  const hits: Record<Persona, number> = { sts: 0, sso: 0, imds: 0, container: 0, proxy: 0 };

  function sts(req: IncomingMessage, body: string, res: ServerResponse): void {
    const params = Object.fromEntries(new URLSearchParams(body));
    const action = params.Action ?? 'GetCallerIdentity';
    res.setHeader('content-type', 'text/xml');
    res.setHeader('x-amzn-requestid', 'echo-request');
    if (opts.sts === 'echo-error') {
      const message = `Request rejected ${opts.inject}. Request headers: ${headerDump(req)}. Body: ${body}. Quoted: aws_session_token = "${req.headers['x-amz-security-token'] ?? ''}"`;
      res.statusCode = 403;
      res.end(`<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n  <Error>\n    <Type>Sender</Type>\n    <Code>InvalidClientTokenId</Code>\n    <Message>${xmlText(message)}</Message>\n  </Error>\n  <RequestId>echo-request</RequestId>\n</ErrorResponse>\n`);
      return;
    }
    const inj = xmlText(opts.inject);
    const arn = `arn:aws:sts::123456789012:assumed-role/ci${inj}/run${inj}`;
    let result: string;
    if (action === 'GetCallerIdentity') {
      result = `    <Arn>${arn}</Arn>\n    <UserId>AROAECHO:${inj}</UserId>\n    <Account>123456789012${inj}</Account>\n`;
    } else {
      const exp = new Date(Date.now() + 3600_000).toISOString();
      result = `    <Credentials>\n      <AccessKeyId>ASIAECHOISSUED000001</AccessKeyId>\n      <SecretAccessKey>echoIssuedSecret0000000000000000000000001</SecretAccessKey>\n      <SessionToken>echoIssuedToken${inj}</SessionToken>\n      <Expiration>${exp}</Expiration>\n    </Credentials>\n    <AssumedRoleUser>\n      <Arn>${arn}</Arn>\n      <AssumedRoleId>AROAECHO:${inj}</AssumedRoleId>\n    </AssumedRoleUser>\n`;
    }
    res.statusCode = 200;
    res.end(`<${action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n  <${action}Result>\n${result}  </${action}Result>\n  <ResponseMetadata>\n    <RequestId>echo-request</RequestId>\n  </ResponseMetadata>\n</${action}Response>\n`);
  }

  function handle(req: IncomingMessage, body: string, res: ServerResponse): void {
    state.requests += 1;
    const path = (req.url ?? '/').replace(/^https?:\/\/[^/]+/, '');
    if (/^https?:\/\//.test(req.url ?? '')) {
      hits.proxy += 1;
      // A forward-proxy request (absolute URI): the proxy persona refuses, quoting the credentials.
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="echo"', 'content-type': 'text/plain' });
      res.end(`proxy refused: Proxy-Authorization was ${req.headers['proxy-authorization'] ?? '(none)'} ${opts.inject}\n`);
      return;
    }
    if (req.method === 'POST' && path === '/') {
      hits.sts += 1;
      return sts(req, body, res);
    }
    if (path.startsWith('/latest/')) hits.imds += 1;
    if (path.startsWith('/federation/credentials')) {
      hits.sso += 1;
      res.writeHead(401, { 'content-type': 'application/json', 'x-amzn-errortype': 'UnauthorizedException' });
      res.end(JSON.stringify({ message: `Session token not found or invalid: ${req.headers['x-amz-sso_bearer_token'] ?? ''} ${opts.inject}` }));
      return;
    }
    if (req.method === 'PUT' && path === '/latest/api/token') {
      imdsToken = `AQAEAEchoImdsToken${Date.now()}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==`;
      res.writeHead(200, { 'content-type': 'text/plain', 'x-aws-ec2-metadata-token-ttl-seconds': '21600' });
      res.end(imdsToken);
      return;
    }
    const roleBase = '/latest/meta-data/iam/security-credentials/';
    if (req.method === 'GET' && path === roleBase) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`echo-role${opts.inject}`);
      return;
    }
    if (req.method === 'GET' && path.startsWith(roleBase)) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ Code: `Failure${opts.inject}`, LastUpdated: new Date().toISOString(), Message: `token ${req.headers['x-aws-ec2-metadata-token'] ?? ''} rejected ${opts.inject}` }));
      return;
    }
    if (path.startsWith('/latest/')) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(path.includes('identity') ? JSON.stringify({ accountId: `123456789012${opts.inject}`, region: `us-east-1${opts.inject}`, instanceId: `i-echo${opts.inject}` }) : `echo${opts.inject}`);
      return;
    }
    if (path.startsWith('/container')) {
      hits.container += 1;
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'Unauthorized', message: `Authorization ${req.headers.authorization ?? ''} is not valid ${opts.inject}` }));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end(`not found: ${headerDump(req)} ${opts.inject}`);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, Buffer.concat(chunks).toString('utf8'), res));
  });
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    state.requests += 1;
    hits.proxy += 1;
    const body = `proxy refused: Proxy-Authorization was ${req.headers['proxy-authorization'] ?? '(none)'} ${opts.inject}\n`;
    socket.end(`HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="echo"\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
  server.on('clientError', (_e: Error, s: Socket) => s.destroy());
  server.on('connection', (s: Socket) => {
    // A client that gives up (a deadline, a reset mid-answer) is normal here, not a test failure.
    s.on('error', () => undefined);
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get requests() {
      return state.requests;
    },
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
