import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { externalDataInterceptor, loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { readBounded, type BoundedRead } from '../kernel/bounded-read.js';
import { recordRefusal } from '../kernel/fs-guard.js';
import { registerSecret } from '../kernel/secrets.js';
import { locateFile, resolveHome } from '../areas/files/locate.js';

/**
 * Every file the JS SDK opens on its own, read first through credcheck's bounded reader: what
 * reads cleanly is handed to the SDK from memory (externalDataInterceptor), what does not is
 * recorded as a refusal (a finding, CC1036) and the SDK's own attempt then meets fs-guard.
 *
 *   web identity token  fromTokenFile / fromIni: readFileSync (credential-provider-web-identity)
 *   SSO token cache     getSSOTokenFromFile: ~/.aws/sso/cache/<sha1(session or start URL)>.json
 *   container token     fromHttp: fs.readFile(AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE)
 *   CA bundle           credcheck's own STS client (the JS SDK ignores AWS_CA_BUNDLE)
 * The shared credentials and config files are read by areas/files/probe.ts the same way.
 */

export const TOKEN_FILE_MAX_BYTES = 64 * 1024;
export const SSO_CACHE_MAX_BYTES = 256 * 1024;
export const CA_BUNDLE_MAX_BYTES = 4 * 1024 * 1024;

/** token-providers' EXPIRE_WINDOW_MS: within this of expiry, fromSso refreshes (and rewrites the cache). */
const SSO_REFRESH_WINDOW_MS = 5 * 60 * 1000;

function refuse(read: BoundedRead, path: string, what: string, op: string): void {
  if (read.status === 'not-regular' || read.status === 'too-large' || (read.status === 'unreadable' && read.detail?.includes('did not finish'))) {
    recordRefusal({ op, path, kind: 'read', why: what, read });
  }
}

/** Reads a web identity token file and hands it to the SDK; returns the read for callers that need the text. */
export async function prepareTokenFile(path: string, what = 'web identity token file'): Promise<BoundedRead> {
  const read = await readBounded(path, { maxBytes: TOKEN_FILE_MAX_BYTES });
  if (read.status === 'ok' && read.text !== undefined) {
    registerSecret(read.text.trim());
    externalDataInterceptor.interceptToken(path, read.text);
  } else refuse(read, path, what, 'web identity token');
  return read;
}

export interface SsoCacheEntry {
  /** The sso-session name, or the start URL for a legacy profile: the cache file is sha1 of it. */
  id: string;
  path: string;
  status: BoundedRead['status'] | 'invalid-json';
  expiresAt?: string;
  /** Inside fromSso's 5-minute refresh window, or past expiry. */
  refreshDue?: boolean;
  refreshable?: boolean;
}

export function ssoCachePath(id: string, env: NodeJS.ProcessEnv): string {
  return join(resolveHome(env).dir, '.aws', 'sso', 'cache', `${createHash('sha1').update(id).digest('hex')}.json`);
}

/**
 * Hands the SDK a cached SSO token so that fromSso never refreshes it: a refresh calls SSO OIDC
 * CreateToken and rewrites the cache file (writeSSOTokenToFile), and credcheck writes nothing.
 * When the token is inside the refresh window but still valid, the SDK is given it with the
 * refresh window moved out of the way: that is what fromSso does itself when a refresh fails
 * (validateTokenExpiry, then the existing token is used). A token already expired is given
 * without its refresh fields, so the SDK stops with its own "Cannot refresh" error instead of
 * refreshing; the cache entry's facts say so (CC1037 explains).
 */
export async function prepareSsoToken(id: string, env: NodeJS.ProcessEnv, now = Date.now()): Promise<SsoCacheEntry> {
  const path = ssoCachePath(id, env);
  const read = await readBounded(path, { maxBytes: SSO_CACHE_MAX_BYTES });
  const entry: SsoCacheEntry = { id, path, status: read.status };
  if (read.status !== 'ok' || read.text === undefined) {
    refuse(read, path, 'SSO token cache file', 'SSO token cache');
    return entry;
  }
  let token: Record<string, unknown>;
  try {
    const parsed = JSON.parse(read.text) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    token = parsed as Record<string, unknown>;
  } catch {
    entry.status = 'invalid-json';
    return entry;
  }
  for (const k of ['accessToken', 'refreshToken', 'clientSecret']) if (typeof token[k] === 'string') registerSecret(token[k] as string);
  const expires = typeof token.expiresAt === 'string' ? Date.parse(token.expiresAt) : NaN;
  entry.refreshable = ['clientId', 'clientSecret', 'refreshToken'].every((k) => token[k] !== undefined);
  const forSdk: Record<string, unknown> = { ...token };
  if (Number.isFinite(expires)) {
    entry.expiresAt = new Date(expires).toISOString();
    entry.refreshDue = expires - now <= SSO_REFRESH_WINDOW_MS;
    if (expires > now && entry.refreshDue) forSdk.expiresAt = new Date(now + SSO_REFRESH_WINDOW_MS + 60_000).toISOString();
  } else {
    entry.refreshDue = true;
  }
  if (entry.refreshDue && !(expires > now)) {
    delete forSdk.clientId;
    delete forSdk.clientSecret;
    delete forSdk.refreshToken;
  }
  externalDataInterceptor.interceptToken(id, forSdk as never);
  return entry;
}

/** Checks the container authorization token file the way the SDK would meet it; the text for credcheck's own probe. */
export async function prepareContainerTokenFile(path: string): Promise<BoundedRead> {
  const read = await readBounded(path, { maxBytes: TOKEN_FILE_MAX_BYTES });
  if (read.status === 'ok' && read.text !== undefined) registerSecret(read.text.trim());
  else refuse(read, path, 'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE', 'container authorization token');
  return read;
}

/** The PEM text of AWS_CA_BUNDLE, or undefined (and a refusal recorded) when it is not a plain file. */
export async function readCaBundle(path: string): Promise<BoundedRead> {
  const read = await readBounded(path, { maxBytes: CA_BUNDLE_MAX_BYTES });
  refuse(read, path, 'AWS_CA_BUNDLE', 'CA bundle');
  return read;
}

let prepared: Promise<void> | undefined;

/**
 * Everything in the environment that points the SDK at a file, checked once per process before
 * the SDK runs. Profile-named files (web_identity_token_file, sso sessions) are prepared by the
 * files probe, which knows the profiles.
 */
export function prepareEnvInputs(env: NodeJS.ProcessEnv): Promise<void> {
  prepared ??= (async () => {
    const jobs: Array<Promise<unknown>> = [];
    if (env.AWS_WEB_IDENTITY_TOKEN_FILE) jobs.push(prepareTokenFile(env.AWS_WEB_IDENTITY_TOKEN_FILE, 'AWS_WEB_IDENTITY_TOKEN_FILE'));
    if (env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE && (env.AWS_CONTAINER_CREDENTIALS_FULL_URI || env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI)) {
      jobs.push(prepareContainerTokenFile(env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE));
    }
    if (env.AWS_CA_BUNDLE) jobs.push(readCaBundle(env.AWS_CA_BUNDLE));
    await Promise.all(jobs);
  })();
  return prepared;
}

/**
 * For commands that call the SDK without the files probe (identity, preflight, imds, clock):
 * the shared files read through the bounded reader and handed to the SDK from memory, the SSO
 * token caches they name, and the env-named files. doctor and chain get the same from probeFiles.
 */
export async function prepareSdk(env: NodeJS.ProcessEnv): Promise<void> {
  const envInputs = prepareEnvInputs(env);
  const locations = [locateFile('credentials', env), locateFile('config', env)];
  await Promise.all(
    locations.map(async (l) => {
      const read = await readBounded(l.path);
      externalDataInterceptor.interceptFile(l.path, read.status === 'ok' || read.status === 'empty' ? (read.text ?? '') : '');
      if (read.status === 'not-regular' || read.status === 'too-large') {
        recordRefusal({ op: 'shared file', path: l.path, kind: 'read', why: `${l.kind} file (${l.source})`, read });
      }
    }),
  );
  const { configFile } = await loadSharedConfigFiles({ filepath: locations[0]!.path, configFilepath: locations[1]!.path, ignoreCache: true });
  const ids = new Set<string>();
  for (const [key, section] of Object.entries(configFile)) {
    if (key.startsWith('sso-session.')) ids.add(key.slice('sso-session.'.length));
    else if (typeof section.sso_start_url === 'string' && !section.sso_session) ids.add(section.sso_start_url);
    if (typeof section.web_identity_token_file === 'string') await prepareTokenFile(section.web_identity_token_file);
  }
  await Promise.all([...ids].map((id) => prepareSsoToken(id, env)));
  await envInputs;
}
