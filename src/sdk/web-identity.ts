import { describeRefusal, type BoundedRead } from '../kernel/bounded-read.js';
import { decodeJwt } from './jwt.js';

/**
 * AWS_WEB_IDENTITY_TOKEN_FILE as STS will see it: the JWT's claims, decoded without verifying the
 * signature (STS verifies), or why they could not be read. Never the token itself.
 */
export interface WebIdentityToken {
  tokenFile: string;
  roleArn?: string;
  /** ISO times / claims from the JWT payload. */
  exp?: string;
  iss?: string;
  sub?: string;
  aud?: string[];
  /** Unreadable file or malformed token: the reason, never the token. */
  error?: string;
}

/** From one bounded read of the token file (the chain probe's, which also hands it to the SDK). */
export function webIdentityToken(tokenFile: string, roleArn: string | undefined, read: BoundedRead): WebIdentityToken {
  const out: WebIdentityToken = { tokenFile, ...(roleArn ? { roleArn } : {}) };
  // An empty file is still text: decodeJwt says "the token file is empty".
  if (read.text === undefined) return { ...out, error: `cannot read the token file: ${describeRefusal(read)}` };
  const jwt = decodeJwt(read.text);
  if (!jwt.ok) return { ...out, error: jwt.reason };
  const { exp, iss, sub, aud } = jwt.claims;
  return { ...out, ...(exp && { exp }), ...(iss && { iss }), ...(sub && { sub }), ...(aud && { aud }) };
}
