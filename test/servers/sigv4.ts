import { createHash, createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * Server-side SigV4 verification, written from the published algorithm (not from the SDK), so a
 * test that passes proves the SDK and an independent implementation agree on every byte signed.
 */
export interface ParsedAuth {
  accessKeyId: string;
  date: string; // YYYYMMDD
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTH_RE = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([^,]+),\s*Signature=([0-9a-f]{64})$/;

export function parseAuthorization(header: string | undefined): ParsedAuth | undefined {
  const m = header ? AUTH_RE.exec(header.trim()) : null;
  if (!m) return undefined;
  return { accessKeyId: m[1], date: m[2], region: m[3], service: m[4], signedHeaders: m[5].split(';'), signature: m[6] };
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

function canonicalQuery(search: string): string {
  if (!search) return '';
  const pairs = search.replace(/^\?/, '').split('&').filter(Boolean).map((p) => {
    const [k, v = ''] = p.split('=');
    return [rfc3986(decodeURIComponent(k)), rfc3986(decodeURIComponent(v.replace(/\+/g, ' ')))] as const;
  });
  pairs.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function headerValue(headers: IncomingHttpHeaders, name: string): string {
  const v = headers[name];
  const joined = Array.isArray(v) ? v.join(',') : (v ?? '');
  return joined.trim().replace(/\s+/g, ' ');
}

/** The signature the request should carry if it was signed with `secret`. */
export function expectedSignature(opts: {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  auth: ParsedAuth;
  amzDate: string;
  secret: string;
}): string {
  const u = new URL(opts.url, 'http://placeholder');
  const path = u.pathname.split('/').map((seg) => rfc3986(decodeURIComponent(seg))).join('/') || '/';
  const canonicalHeaders = opts.auth.signedHeaders.map((h) => `${h}:${headerValue(opts.headers, h)}\n`).join('');
  const payloadHash = headerValue(opts.headers, 'x-amz-content-sha256') || sha256(opts.body);
  const canonicalRequest = [
    opts.method, path, canonicalQuery(u.search), canonicalHeaders, opts.auth.signedHeaders.join(';'), payloadHash,
  ].join('\n');
  const scope = `${opts.auth.date}/${opts.auth.region}/${opts.auth.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', opts.amzDate, scope, sha256(canonicalRequest)].join('\n');
  let key = hmac(`AWS4${opts.secret}`, opts.auth.date);
  key = hmac(key, opts.auth.region);
  key = hmac(key, opts.auth.service);
  key = hmac(key, 'aws4_request');
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

/** 20261122T235501Z → epoch ms (undefined if malformed). */
export function parseAmzDate(s: string | undefined): number | undefined {
  const m = s ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s) : null;
  if (!m) return undefined;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
}

export function formatAmzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}
