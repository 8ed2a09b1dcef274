import type { ProxyObservation } from './client.js';
import { noteStsDate } from './date-header.js';
import { safeIso } from '../../kernel/untrusted.js';

export type StsErrorKind =
  | 'sts' // STS answered with an error body
  | 'http' // an HTTP answer that is not STS's (non-XML, a proxy's or gateway's page)
  | 'dns' | 'refused' | 'reset' | 'timeout' | 'tls' | 'proxy' | 'other';

/** A failed STS call, reduced to plain facts (never a secret: messages are scrubbed on output too). */
export interface StsCallError {
  kind: StsErrorKind;
  /** STS error code exactly as returned (ExpiredToken, …), or the Node/OpenSSL error code. */
  code?: string;
  /** Message exactly as returned. */
  message: string;
  httpStatus?: number;
  requestId?: string;
  /** Host:port the failing connection went to, when Node says. */
  address?: string;
  /** Proxy's reply to CONNECT when it was not 200. */
  proxyStatus?: number;
  /** A proxy was in use and answered our CONNECT (any status): later failures are beyond it. */
  proxyAnswered?: boolean;
  attempts?: number;
  /** AWS's Date header on the error response, when there was one. */
  serverDate?: string;
  clockSkewCorrected?: boolean;
}

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
const TIMEOUT = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'TimeoutError', 'RequestTimeout', 'ECONNABORTED']);
const TLS_RE = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL|EPROTO|DEPTH_ZERO/;

function rootCause(e: any): any {
  let cur = e;
  for (let i = 0; i < 5 && cur?.cause && !cur.code; i++) cur = cur.cause;
  return cur;
}

export function classifyStsError(error: unknown, proxyObs?: ProxyObservation): StsCallError {
  const e = error as any;
  const meta = e?.$metadata ?? {};
  const headers = e?.$response?.headers ?? {};
  noteStsDate(headers.date);
  const base: StsCallError = {
    kind: 'other',
    message: String(e?.message ?? e),
    ...(meta.httpStatusCode ? { httpStatus: meta.httpStatusCode } : {}),
    ...(meta.requestId ? { requestId: meta.requestId } : {}),
    ...(meta.attempts ? { attempts: meta.attempts } : {}),
    ...(safeIso(headers.date) ? { serverDate: safeIso(headers.date)! } : {}),
    ...(meta.clockSkewCorrected ? { clockSkewCorrected: true } : {}),
    ...(proxyObs?.connectStatus !== undefined ? { proxyAnswered: true } : {}),
  };
  if (proxyObs?.connectStatus !== undefined && proxyObs.connectStatus !== 200) {
    return { ...base, kind: 'proxy', code: `CONNECT ${proxyObs.connectStatus}`, proxyStatus: proxyObs.connectStatus,
      message: `proxy answered CONNECT with ${proxyObs.connectStatus} ${proxyObs.connectStatusText ?? ''}`.trim() };
  }
  if (e?.$fault && e?.$metadata?.httpStatusCode) {
    // The SDK parsed an error body. Without an ErrorResponse in it, name is a bare status ("Unknown"/number).
    const code = e.Code ?? e.name;
    const sts = typeof code === 'string' && /^[A-Z][A-Za-z]+$/.test(code) && code !== 'UnknownError' && code !== 'Error';
    return { ...base, kind: sts ? 'sts' : 'http', code };
  }
  const root = rootCause(e);
  const code: string | undefined = root?.code ?? (e?.name && e.name !== 'Error' ? e.name : undefined);
  const address = root?.address ? `${root.address}${root.port ? `:${root.port}` : ''}` : root?.hostname;
  const withCode = { ...base, ...(code ? { code } : {}), ...(address ? { address } : {}), message: String(root?.message ?? base.message) };
  if (code && DNS.has(code)) return { ...withCode, kind: 'dns' };
  if (code === 'ECONNREFUSED') return { ...withCode, kind: 'refused' };
  if (code === 'ECONNRESET' || code === 'EPIPE') return { ...withCode, kind: 'reset' };
  if ((code && TIMEOUT.has(code)) || /timed? ?out|timeout/i.test(withCode.message)) return { ...withCode, kind: 'timeout' };
  if ((code && TLS_RE.test(code)) || /certificate|self[- ]signed/i.test(withCode.message)) return { ...withCode, kind: 'tls' };
  return withCode;
}
