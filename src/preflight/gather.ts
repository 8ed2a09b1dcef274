/**
 * TEMPORARY ADAPTER — replaced at integration by the chain (src/chain/), identity (src/identity/,
 * src/sts/) and clock (src/clock/) probes, which diagnose far more. It talks to the SDK directly
 * and minimally so preflight works end to end today; everything downstream only sees
 * PreflightInputs, so swapping this file changes no check, rule or renderer.
 */
import { readFile } from 'node:fs/promises';
import { withDeadline } from '../core/probe.js';
import { maskKeyId, keyTypeOf } from '../core/mask.js';
import { registerSecret } from '../core/secrets.js';
import { decodeJwt } from './jwt.js';
import type { IdentityInput, PreflightInputs, WebIdentityInput } from './inputs.js';
import { diagnoseStsError } from './sts-diagnosis.js';

export interface GatherOptions {
  profile?: string;
  offline?: boolean;
  showKeyIds?: boolean;
}

/** Budgets: the chain may walk to IMDS (1 s timeout in the SDK); STS gets one attempt. Sum < 10 s. */
const CREDENTIALS_DEADLINE_MS = 4000;
const STS_DEADLINE_MS = 3500;
const TOKEN_FILE_DEADLINE_MS = 1000;

/** The SDK's $source feature flags, most specific first (field-notes §1). */
const SOURCES: Array<[string, string, boolean]> = [
  ['CREDENTIALS_ENV_VARS_STS_WEB_ID_TOKEN', 'web identity token file (AWS_WEB_IDENTITY_TOKEN_FILE)', true],
  ['CREDENTIALS_PROFILE_STS_WEB_ID_TOKEN', 'profile web_identity_token_file', true],
  ['CREDENTIALS_STS_ASSUME_ROLE', 'profile role_arn (assume role)', true],
  ['CREDENTIALS_PROFILE_SOURCE_PROFILE', 'profile role_arn + source_profile', true],
  ['CREDENTIALS_PROFILE_SSO', 'profile SSO', true],
  ['CREDENTIALS_PROFILE_SSO_LEGACY', 'profile SSO (legacy)', true],
  ['CREDENTIALS_SSO', 'SSO', true],
  ['CREDENTIALS_PROFILE_LOGIN', 'profile login session', true],
  ['CREDENTIALS_PROFILE_PROCESS', 'profile credential_process', true],
  ['CREDENTIALS_PROCESS', 'credential_process', true],
  ['CREDENTIALS_HTTP', 'container credentials endpoint', true],
  ['CREDENTIALS_IMDS', 'EC2 instance metadata (IMDS)', true],
  ['CREDENTIALS_ENV_VARS', 'environment', false],
  ['CREDENTIALS_PROFILE', 'profile static keys', false],
];

/** Who stated the expiry, for the reason text. */
const EXPIRY_FROM: Record<string, string> = {
  environment: 'AWS_CREDENTIAL_EXPIRATION',
  'web identity token file (AWS_WEB_IDENTITY_TOKEN_FILE)': 'STS AssumeRoleWithWebIdentity',
  'profile web_identity_token_file': 'STS AssumeRoleWithWebIdentity',
  'profile role_arn (assume role)': 'STS AssumeRole',
  'profile role_arn + source_profile': 'STS AssumeRole',
  'EC2 instance metadata (IMDS)': 'IMDS',
  'container credentials endpoint': 'the container endpoint',
};

interface SdkCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
  $source?: Record<string, string>;
}

export async function gatherInputs(opts: GatherOptions, env: NodeJS.ProcessEnv): Promise<PreflightInputs> {
  // The SDK's "node >=22 soon" notice on stderr is noise in every CI log this runs in; it says
  // nothing about the credentials. Set before any client (the chain's nested STS too) is made.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const inputs: PreflightInputs = { notChecked: [] };
  const region = regionOf(env);
  if (region) inputs.region = region;
  const tokenFile = env.AWS_WEB_IDENTITY_TOKEN_FILE;
  const web = tokenFile ? readWebIdentity(tokenFile, env.AWS_ROLE_ARN) : Promise.resolve(undefined);

  const creds = await resolveCredentials(opts.profile, Boolean(opts.offline)).catch((e: Error) => {
    inputs.credentialsError = oneLine(e?.message ?? String(e));
    return undefined;
  });
  if (creds) {
    const [source, refreshable] = sourceOf(creds);
    const expiration = creds.expiration instanceof Date && !Number.isNaN(creds.expiration.getTime()) ? creds.expiration.toISOString() : undefined;
    inputs.credentials = {
      source,
      accessKeyId: maskKeyId(creds.accessKeyId, opts.showKeyIds) ?? '…',
      keyType: keyTypeOf(creds.accessKeyId),
      refreshable: refreshable && expiration !== undefined,
    };
    const profile = opts.profile ?? env.AWS_PROFILE;
    if (profile && source.startsWith('profile')) inputs.credentials.profile = profile;
    if (expiration) {
      inputs.credentials.expiration = expiration;
      inputs.credentials.expirationSource = EXPIRY_FROM[source] ?? source;
    }
  }

  if (opts.offline && !creds) {
    inputs.notChecked.push('credentials: --offline reads only AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY; profiles, SSO, web identity and instance metadata need the network');
  }
  if (opts.offline) {
    inputs.notChecked.push('identity: --offline, STS GetCallerIdentity was not called: the credentials, account and ARN are unverified');
    inputs.notChecked.push('clock: --offline, the AWS Date header was not read');
  } else if (creds) {
    const sts = await callSts(creds, region?.name ?? 'us-east-1', env.AWS_ENDPOINT_URL_STS);
    inputs.identity = sts.identity;
    if (sts.clock) inputs.clock = sts.clock;
    else inputs.notChecked.push('clock: STS sent no Date header');
  } else {
    inputs.notChecked.push('clock: no credentials to call STS with, so no AWS Date header');
  }
  const w = await web;
  if (w) inputs.webIdentity = w;
  return inputs;
}

async function resolveCredentials(profile: string | undefined, offline: boolean): Promise<SdkCredentials> {
  // Imported lazily: --help must not load the SDK.
  const { fromEnv, fromNodeProviderChain } = await import('@aws-sdk/credential-providers');
  // Offline, only the environment: every other source may call STS, SSO, IMDS or a container endpoint.
  const provider = offline ? fromEnv() : fromNodeProviderChain(profile ? { profile } : {});
  const creds = (await withDeadline(provider(), CREDENTIALS_DEADLINE_MS, 'resolving credentials')) as SdkCredentials;
  registerSecret(creds.secretAccessKey);
  registerSecret(creds.sessionToken);
  return creds;
}

function sourceOf(creds: SdkCredentials): [string, boolean] {
  const flags = creds.$source ?? {};
  for (const [flag, name, refreshable] of SOURCES) if (flag in flags) return [name, refreshable];
  return ['unknown source', false];
}

/** AWS_REGION is what the JavaScript SDK reads; AWS_DEFAULT_REGION only the CLI and botocore. */
function regionOf(env: NodeJS.ProcessEnv): { name: string; source: string } | undefined {
  if (env.AWS_REGION) return { name: env.AWS_REGION, source: 'AWS_REGION' };
  if (env.AWS_DEFAULT_REGION) return { name: env.AWS_DEFAULT_REGION, source: 'AWS_DEFAULT_REGION (read by the AWS CLI and botocore, not by the JavaScript SDK)' };
  return undefined;
}

async function readWebIdentity(tokenFile: string, roleArn: string | undefined): Promise<WebIdentityInput> {
  const out: WebIdentityInput = { tokenFile };
  if (roleArn) out.roleArn = roleArn;
  let raw: string;
  try {
    raw = await withDeadline(readFile(tokenFile, 'utf8'), TOKEN_FILE_DEADLINE_MS, `reading ${tokenFile}`);
  } catch (e) {
    out.error = `cannot read the token file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    return out;
  }
  const jwt = decodeJwt(raw);
  if (!jwt.ok) {
    out.error = jwt.reason;
    return out;
  }
  const { exp, iss, sub, aud } = jwt.claims;
  return { ...out, ...(exp && { exp }), ...(iss && { iss }), ...(sub && { sub }), ...(aud && { aud }) };
}

async function callSts(creds: SdkCredentials, region: string, endpoint: string | undefined): Promise<{ identity: IdentityInput; clock?: PreflightInputs['clock'] }> {
  const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
  const client = new STSClient({
    region,
    credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey, ...(creds.sessionToken && { sessionToken: creds.sessionToken }) },
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 1500, requestTimeout: 3000 },
    ...(endpoint && { endpoint }),
  });
  let date: string | undefined;
  // Inside the deserializer, so the raw response (success or error) is seen before parsing.
  client.middlewareStack.addRelativeTo(
    (next: any) => async (args: any) => {
      const out = await next(args);
      date = out?.response?.headers?.date;
      return out;
    },
    { relation: 'after', toMiddleware: 'deserializerMiddleware', name: 'credcheckDateHeader' },
  );
  const start = Date.now();
  let identity: IdentityInput;
  try {
    const r = await withDeadline(client.send(new GetCallerIdentityCommand({})), STS_DEADLINE_MS, 'STS GetCallerIdentity');
    identity = { ok: true, account: r.Account ?? '?', arn: r.Arn ?? '?', principalType: principalTypeOf(r.Arn ?? '') };
  } catch (e) {
    const err = e as { name?: string; Code?: string; message?: string; $response?: { headers?: Record<string, string> } };
    date ??= err.$response?.headers?.date;
    identity = { ok: false, ...diagnoseStsError(err.name ?? 'Error', oneLine(err.message ?? String(e)), endpoint) };
  } finally {
    client.destroy();
  }
  const end = Date.now();
  if (!date || Number.isNaN(Date.parse(date))) return { identity };
  // Date has 1 s resolution (truncated): AWS's time lies in [D, D+1s) at some point during the round trip.
  const offsetMs = Date.parse(date) + 500 - (start + end) / 2;
  return { identity, clock: { offsetMs: Math.round(offsetMs), uncertaintyMs: Math.round(500 + (end - start) / 2), reference: 'the AWS Date header (STS)' } };
}

function principalTypeOf(arn: string): string {
  if (/:assumed-role\//.test(arn)) return 'assumed-role';
  if (/:user\//.test(arn)) return 'user';
  if (/:root$/.test(arn)) return 'root';
  if (/:federated-user\//.test(arn)) return 'federated-user';
  return 'unknown';
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
