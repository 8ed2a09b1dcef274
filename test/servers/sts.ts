/**
 * A loopback STS (Query protocol, 2011-06-15) server that behaves like the real one where a
 * credential doctor can tell the difference: it verifies SigV4 signatures against the secrets it
 * knows, judges X-Amz-Date against its own (offsettable) clock, and answers with AWS's XML bodies.
 *
 * API
 *   startSts(opts: StsOptions) => Promise<StsServer>
 *   StsOptions = {
 *     identities: StsIdentity[];    // keys it knows: {accessKeyId, secretAccessKey, sessionToken?,
 *                                   //   arn, account, userId, expired?}
 *     clockOffsetMs?: number;       // server clock = Date.now() + offset (Date header and skew check)
 *     failWith?: StsFailure;        // answer every request (after parsing) with this error
 *     disabledRegions?: string[];   // requests signed for these regions → RegionDisabledException
 *     tls?: { key: string; cert: string };  // serve HTTPS with this key/cert (PEM)
 *     host?: string;                // default 127.0.0.1
 *   }
 *   StsFailure = StsErrorCode | { code: StsErrorCode; message?: string; status?: number; times?: number }
 *     (times: fail only the next N requests, then behave normally)
 *   StsErrorCode = 'ExpiredToken' | 'InvalidClientTokenId' | 'SignatureDoesNotMatch' | 'SignatureExpired'
 *     | 'RequestExpired' | 'Throttling' | 'RegionDisabledException' | 'InternalFailure' | 'AccessDenied'
 *     ('SignatureExpired' = SignatureDoesNotMatch with the "Signature expired: …" message.)
 *   StsServer = {
 *     url: string;                  // http(s)://127.0.0.1:PORT
 *     port: number;
 *     requests: StsRequestLog[];    // every request, in order
 *     setClockOffset(ms: number): void;
 *     setFailWith(f: StsFailure | undefined): void;
 *     addIdentity(id: StsIdentity): void;
 *     close(): Promise<void>;
 *   }
 *   StsRequestLog = { action?, accessKeyId?, region?, amzDate?, params, status, code?, arn? }
 *     (arn: the identity the signature check attributed the request to, on success)
 *
 * Actions: GetCallerIdentity (signed), AssumeRole (signed; issues an ASIA key that the server then
 * knows, arn arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION) and AssumeRoleWithWebIdentity
 * (unsigned, like AWS; same kind of credentials). Issued credentials carry an Expiration.
 * Errors are checked in AWS's order as far as observable: unknown key → InvalidClientTokenId;
 * missing/wrong session token → InvalidClientTokenId; time outside ±5 min → SignatureDoesNotMatch
 * "Signature expired"/"not yet current"; bad signature → SignatureDoesNotMatch; expired → ExpiredToken.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer as createHttp, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { expectedSignature, formatAmzDate, parseAmzDate, parseAuthorization } from './sigv4.js';

export interface StsIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  arn: string;
  account: string;
  userId: string;
  expired?: boolean;
}

export type StsErrorCode =
  | 'ExpiredToken' | 'InvalidClientTokenId' | 'SignatureDoesNotMatch' | 'SignatureExpired'
  | 'RequestExpired' | 'Throttling' | 'RegionDisabledException' | 'InternalFailure' | 'AccessDenied';

export type StsFailure = StsErrorCode | { code: StsErrorCode; message?: string; status?: number; times?: number };

export interface StsOptions {
  identities: StsIdentity[];
  clockOffsetMs?: number;
  failWith?: StsFailure;
  disabledRegions?: string[];
  tls?: { key: string; cert: string };
  host?: string;
}

export interface StsRequestLog {
  action?: string;
  accessKeyId?: string;
  region?: string;
  amzDate?: string;
  params: Record<string, string>;
  status: number;
  code?: string;
  arn?: string;
}

export interface StsServer {
  url: string;
  port: number;
  requests: StsRequestLog[];
  setClockOffset(ms: number): void;
  setFailWith(f: StsFailure | undefined): void;
  addIdentity(id: StsIdentity): void;
  close(): Promise<void>;
}

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const SKEW_MS = 5 * 60_000;

interface ErrorSpec { status: number; type: 'Sender' | 'Receiver'; message: string }

/** Status, fault type and the message AWS sends for each code. */
const ERRORS: Record<Exclude<StsErrorCode, 'SignatureExpired'>, ErrorSpec> = {
  ExpiredToken: { status: 400, type: 'Sender', message: 'The security token included in the request is expired' },
  InvalidClientTokenId: { status: 403, type: 'Sender', message: 'The security token included in the request is invalid.' },
  SignatureDoesNotMatch: {
    status: 403, type: 'Sender',
    message: 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  },
  RequestExpired: { status: 400, type: 'Sender', message: 'Request has expired.' },
  Throttling: { status: 400, type: 'Sender', message: 'Rate exceeded' },
  RegionDisabledException: {
    status: 403, type: 'Sender',
    message: 'STS is not activated in this region for account:ACCOUNT. Your account administrator can activate STS in this region using the IAM Console.',
  },
  InternalFailure: { status: 500, type: 'Receiver', message: 'An internal error occurred.' },
  AccessDenied: { status: 403, type: 'Sender', message: 'User is not authorized to perform: sts:AssumeRole' },
};

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function errorXml(code: string, type: string, message: string, requestId: string): string {
  return `<ErrorResponse xmlns="${NS}">\n  <Error>\n    <Type>${type}</Type>\n    <Code>${code}</Code>\n    <Message>${xmlEscape(message)}</Message>\n  </Error>\n  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`;
}

function successXml(action: string, result: string, requestId: string): string {
  return `<${action}Response xmlns="${NS}">\n  <${action}Result>\n${result}  </${action}Result>\n  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n</${action}Response>\n`;
}

function alnum(n: number): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return [...randomBytes(n)].map((b) => chars[b % 32]).join('');
}

export async function startSts(opts: StsOptions): Promise<StsServer> {
  const identities = new Map<string, StsIdentity>(opts.identities.map((i) => [i.accessKeyId, i]));
  let offset = opts.clockOffsetMs ?? 0;
  let failWith = opts.failWith;
  let failTimes = typeof failWith === 'object' ? failWith.times : undefined;
  const requests: StsRequestLog[] = [];
  const now = () => Date.now() + offset;

  function send(res: ServerResponse, status: number, body: string, requestId: string): void {
    res.writeHead(status, {
      'content-type': 'text/xml',
      'content-length': Buffer.byteLength(body),
      'x-amzn-requestid': requestId,
      date: new Date(now()).toUTCString(),
    });
    res.end(body);
  }

  function sendError(res: ServerResponse, log: StsRequestLog, code: StsErrorCode, requestId: string, message?: string, status?: number): void {
    const spec = code === 'SignatureExpired' ? ERRORS.SignatureDoesNotMatch : ERRORS[code];
    const wire = code === 'SignatureExpired' ? 'SignatureDoesNotMatch' : code;
    let msg = message ?? spec.message;
    if (code === 'SignatureExpired' && !message) {
      const t = now();
      msg = `Signature expired: ${log.amzDate ?? formatAmzDate(t - 2 * SKEW_MS)} is now earlier than ${formatAmzDate(t - SKEW_MS)} (${formatAmzDate(t)} - 5 min.)`;
    }
    msg = msg.replace('ACCOUNT', identities.get(log.accessKeyId ?? '')?.account ?? '123456789012');
    log.status = status ?? spec.status;
    log.code = wire;
    send(res, log.status, errorXml(wire, spec.type, msg, requestId), requestId);
  }

  function issue(account: string, roleArn: string, sessionName: string, durationS: number): { xml: string; id: StsIdentity } {
    const roleName = roleArn.split('/').pop() ?? 'role';
    const roleId = `AROA${alnum(17)}`;
    const id: StsIdentity = {
      accessKeyId: `ASIA${alnum(16)}`,
      secretAccessKey: randomBytes(30).toString('base64').slice(0, 40),
      sessionToken: `IQoJb3JpZ2luX2Vj${randomBytes(96).toString('base64')}`,
      arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`,
      account,
      userId: `${roleId}:${sessionName}`,
    };
    identities.set(id.accessKeyId, id);
    const expiration = new Date(now() + durationS * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const xml =
      `    <AssumedRoleUser>\n      <AssumedRoleId>${id.userId}</AssumedRoleId>\n      <Arn>${id.arn}</Arn>\n    </AssumedRoleUser>\n` +
      `    <Credentials>\n      <AccessKeyId>${id.accessKeyId}</AccessKeyId>\n      <SecretAccessKey>${id.secretAccessKey}</SecretAccessKey>\n` +
      `      <SessionToken>${id.sessionToken}</SessionToken>\n      <Expiration>${expiration}</Expiration>\n    </Credentials>\n`;
    return { xml, id };
  }

  function handle(req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    const requestId = randomUUID();
    const params = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
    const url = new URL(req.url ?? '/', 'http://x');
    for (const [k, v] of url.searchParams) params[k] ??= v;
    const log: StsRequestLog = { action: params.Action, params, status: 0 };
    requests.push(log);
    const auth = parseAuthorization(req.headers.authorization);
    if (auth) {
      log.accessKeyId = auth.accessKeyId;
      log.region = auth.region;
    }
    log.amzDate = (req.headers['x-amz-date'] as string | undefined) ?? undefined;
    // Redact secrets a caller might pass (web identity tokens) from the log's params.
    if (params.WebIdentityToken) params.WebIdentityToken = '[token]';

    if (failWith !== undefined && (failTimes === undefined || failTimes > 0)) {
      if (failTimes !== undefined) failTimes--;
      const f = typeof failWith === 'string' ? { code: failWith } : failWith;
      return sendError(res, log, f.code, requestId, (f as { message?: string }).message, (f as { status?: number }).status);
    }
    if (auth && opts.disabledRegions?.includes(auth.region)) return sendError(res, log, 'RegionDisabledException', requestId);

    const action = params.Action;
    if (action === 'AssumeRoleWithWebIdentity') {
      if (!params.RoleArn || !params.WebIdentityToken) {
        log.status = 400;
        log.code = 'ValidationError';
        return send(res, 400, errorXml('ValidationError', 'Sender', 'RoleArn and WebIdentityToken are required', requestId), requestId);
      }
      const account = params.RoleArn.split(':')[4] ?? '123456789012';
      const { xml, id } = issue(account, params.RoleArn, params.RoleSessionName ?? 'session', Number(params.DurationSeconds ?? 3600));
      log.status = 200;
      log.arn = id.arn;
      const extra = `    <SubjectFromWebIdentityToken>subject</SubjectFromWebIdentityToken>\n    <Audience>sts.amazonaws.com</Audience>\n    <Provider>oidc.example</Provider>\n`;
      return send(res, 200, successXml(action, xml + extra, requestId), requestId);
    }

    // Everything else must be signed.
    if (!auth) {
      log.status = 403;
      log.code = 'MissingAuthenticationToken';
      return send(res, 403, errorXml('MissingAuthenticationToken', 'Sender', 'Request is missing Authentication Token', requestId), requestId);
    }
    const identity = identities.get(auth.accessKeyId);
    if (!identity) return sendError(res, log, 'InvalidClientTokenId', requestId);
    const token = req.headers['x-amz-security-token'];
    if ((identity.sessionToken ?? undefined) !== (typeof token === 'string' ? token : undefined)) {
      return sendError(res, log, 'InvalidClientTokenId', requestId);
    }
    const signedAt = parseAmzDate(log.amzDate);
    if (signedAt === undefined) return sendError(res, log, 'SignatureDoesNotMatch', requestId);
    const t = now();
    if (signedAt < t - SKEW_MS) return sendError(res, log, 'SignatureExpired', requestId);
    if (signedAt > t + SKEW_MS) {
      const msg = `Signature not yet current: ${log.amzDate} is still later than ${formatAmzDate(t + SKEW_MS)} (${formatAmzDate(t)} + 5 min.)`;
      return sendError(res, log, 'SignatureDoesNotMatch', requestId, msg);
    }
    const expected = expectedSignature({
      method: req.method ?? 'POST', url: req.url ?? '/', headers: req.headers, body, auth, amzDate: log.amzDate!, secret: identity.secretAccessKey,
    });
    if (expected !== auth.signature) return sendError(res, log, 'SignatureDoesNotMatch', requestId);
    if (identity.expired) return sendError(res, log, 'ExpiredToken', requestId);

    if (action === 'GetCallerIdentity') {
      log.status = 200;
      log.arn = identity.arn;
      const result = `    <Arn>${identity.arn}</Arn>\n    <UserId>${identity.userId}</UserId>\n    <Account>${identity.account}</Account>\n`;
      return send(res, 200, successXml(action, result, requestId), requestId);
    }
    if (action === 'AssumeRole') {
      if (!params.RoleArn || !params.RoleSessionName) {
        log.status = 400;
        log.code = 'ValidationError';
        return send(res, 400, errorXml('ValidationError', 'Sender', 'RoleArn and RoleSessionName are required', requestId), requestId);
      }
      const account = params.RoleArn.split(':')[4] ?? identity.account;
      const { xml, id } = issue(account, params.RoleArn, params.RoleSessionName, Number(params.DurationSeconds ?? 3600));
      log.status = 200;
      log.arn = id.arn;
      return send(res, 200, successXml(action, xml + '    <PackedPolicySize>6</PackedPolicySize>\n', requestId), requestId);
    }
    log.status = 400;
    log.code = 'InvalidAction';
    send(res, 400, errorXml('InvalidAction', 'Sender', `Could not find operation ${action} for version 2011-06-15`, requestId), requestId);
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, Buffer.concat(chunks), res));
  };
  const server: Server = opts.tls ? createHttps({ key: opts.tls.key, cert: opts.tls.cert }, listener) : createHttp(listener);
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${opts.tls ? 'https' : 'http'}://${urlHost}:${port}`,
    port,
    requests,
    setClockOffset: (ms) => { offset = ms; },
    setFailWith: (f) => {
      failWith = f;
      failTimes = typeof f === 'object' ? f.times : undefined;
    },
    addIdentity: (id) => { identities.set(id.accessKeyId, id); },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}
