import { registerSecret } from '../kernel/secrets.js';

/** The claims preflight reports. The token is a bearer credential: it is registered as a secret and never kept. */
export interface JwtClaims {
  exp?: string;
  iat?: string;
  iss?: string;
  sub?: string;
  aud?: string[];
}

export type JwtResult = { ok: true; claims: JwtClaims } | { ok: false; reason: string };

/**
 * Decodes a JWT's payload WITHOUT verifying its signature: preflight only wants to know what STS
 * will be shown (expiry, issuer, subject, audience), and STS does the verifying.
 */
export function decodeJwt(raw: string): JwtResult {
  const token = raw.trim();
  registerSecret(token);
  for (const part of token.split('.')) registerSecret(part);
  if (token.length === 0) return { ok: false, reason: 'the token file is empty' };
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: `not a JWT: expected 3 dot-separated parts, found ${parts.length}` };
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(parts[1]!)) return { ok: false, reason: 'not a JWT: the payload is not base64url' };
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'not a JWT: the payload is not JSON' };
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    return { ok: false, reason: 'not a JWT: the payload is not a JSON object' };
  }
  const p = payload as Record<string, unknown>;
  const claims: JwtClaims = {};
  const time = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? new Date(v * 1000).toISOString() : undefined);
  if (p.exp !== undefined) {
    claims.exp = time(p.exp);
    if (claims.exp === undefined) return { ok: false, reason: 'the "exp" claim is not a number of seconds' };
  }
  const iat = time(p.iat);
  if (iat) claims.iat = iat;
  if (typeof p.iss === 'string') claims.iss = p.iss;
  if (typeof p.sub === 'string') claims.sub = p.sub;
  if (typeof p.aud === 'string') claims.aud = [p.aud];
  else if (Array.isArray(p.aud)) claims.aud = p.aud.filter((a): a is string => typeof a === 'string');
  return { ok: true, claims };
}
