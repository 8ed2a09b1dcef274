import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { readSafely } from '../../areas/files/read.js';
import { registerSecret } from '../../kernel/secrets.js';

/**
 * The SSO token an SSO profile signs in with, as the SDKs find it: ~/.aws/sso/cache/<sha1>.json,
 * keyed by the sso-session name (sso_session profiles) or the start URL (legacy profiles) —
 * @aws-sdk/token-providers getSSOTokenFilepath, botocore SSOTokenLoader. Only the status and
 * expiry leave this function: the tokens themselves are registered for scrubbing and dropped.
 */
export type SsoTokenStatus = 'valid' | 'expired' | 'refreshable' | 'missing' | 'unreadable' | 'invalid';

export interface SsoTokenFacts {
  profile: string;
  session?: string;
  startUrl?: string;
  cachePath: string;
  status: SsoTokenStatus;
  expiresAt?: string;
  /** The exact command that gets a new token for this profile. */
  loginCommand: string;
}

export async function readSsoToken(profile: string, session: string | undefined, startUrl: string | undefined, home: string, now: Date): Promise<SsoTokenFacts | undefined> {
  const key = session ?? startUrl;
  if (!key) return undefined;
  const cachePath = join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update(key).digest('hex')}.json`);
  const facts = {
    profile,
    ...(session ? { session } : {}),
    ...(startUrl ? { startUrl } : {}),
    cachePath,
    loginCommand: session ? `aws sso login --sso-session ${session}` : `aws sso login --profile ${profile}`,
  };
  const read = await readSafely(cachePath, 64 * 1024);
  if (read.status === 'missing') return { ...facts, status: 'missing' };
  if (read.status !== 'ok' || read.text === undefined) return { ...facts, status: 'unreadable' };
  let token: Record<string, unknown>;
  try {
    token = JSON.parse(read.text) as Record<string, unknown>;
  } catch {
    return { ...facts, status: 'invalid' };
  }
  for (const k of ['accessToken', 'refreshToken', 'clientSecret']) if (typeof token[k] === 'string') registerSecret(token[k] as string);
  const expires = typeof token.expiresAt === 'string' ? Date.parse(token.expiresAt) : NaN;
  if (typeof token.accessToken !== 'string' || Number.isNaN(expires)) return { ...facts, status: 'invalid' };
  const expiresAt = new Date(expires).toISOString();
  if (expires > now.getTime()) return { ...facts, status: 'valid', expiresAt };
  // An sso-session token refreshes itself while its client registration lasts (the SDK's SSO OIDC refresh).
  const registration = typeof token.registrationExpiresAt === 'string' ? Date.parse(token.registrationExpiresAt) : NaN;
  const canRefresh = Boolean(session) && typeof token.refreshToken === 'string' && typeof token.clientId === 'string' && typeof token.clientSecret === 'string' && registration > now.getTime();
  return { ...facts, status: canRefresh ? 'refreshable' : 'expired', expiresAt };
}
