/**
 * Fills PreflightInputs from the probes every other command uses: the identity probe resolves
 * credentials through the SDK's own chain, calls STS and reads AWS's Date header; its diagnosis of
 * an STS failure is the same one `credcheck identity` prints. Everything downstream only sees
 * PreflightInputs, so no check, rule or renderer depends on how the facts were gathered.
 */
import { readFile } from 'node:fs/promises';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { keyTypeOf, maskKeyId } from '../../kernel/mask.js';
import { withDeadline } from '../../kernel/probe.js';
import { registerSecret } from '../../kernel/secrets.js';
import type { IdentityFacts } from '../../areas/identity/facts.js';
import { describeStsError } from '../../areas/identity/diagnose.js';
import { probeIdentity } from '../../areas/identity/probe.js';
import { decodeJwt } from '../../sdk/jwt.js';
import { expiryOriginOf, refreshesFromFlags } from '../../sdk/sources.js';
import { loadProfileConfig, profileName, type ProfileConfig } from '../../sdk/sts/config.js';
import { configuredRegion } from '../../sdk/sts/region.js';
import type { PreflightInputs, WebIdentityInput } from './inputs.js';

export interface GatherOptions {
  profile?: string;
  /** A provider to sign with instead of the SDK's chain (the run's one resolution of an STS profile). */
  credentials?: AwsCredentialIdentityProvider;
  offline?: boolean;
  showKeyIds?: boolean;
}

/** Budgets: the chain may walk to IMDS (1 s timeout in the SDK); STS gets the rest. Sum < 10 s. */
const CREDENTIALS_DEADLINE_MS = 4000;
const STS_DEADLINE_MS = 3500;
const TOKEN_FILE_DEADLINE_MS = 1000;
const PROFILE_DEADLINE_MS = 1000;

function credentialsInput(id: IdentityFacts, profile: string | undefined): PreflightInputs['credentials'] {
  const c = id.credentials;
  if (!c) return undefined;
  const out: NonNullable<PreflightInputs['credentials']> = {
    source: c.source,
    accessKeyId: c.keyId,
    keyType: c.keyType,
    refreshable: refreshesFromFlags(c.featureFlags, c.expiration !== undefined),
  };
  if (profile && c.featureFlags.some((f) => f.startsWith('CREDENTIALS_PROFILE'))) out.profile = profile;
  if (c.expiration) {
    out.expiration = c.expiration;
    out.expirationSource = expiryOriginOf(c.featureFlags);
  }
  return out;
}

export async function gatherInputs(opts: GatherOptions, env: NodeJS.ProcessEnv): Promise<PreflightInputs> {
  const inputs: PreflightInputs = { notChecked: [] };
  const region = configuredRegion(env, await profileConfig(opts.profile, env));
  if (region) inputs.region = region;
  const web = env.AWS_WEB_IDENTITY_TOKEN_FILE ? readWebIdentity(env.AWS_WEB_IDENTITY_TOKEN_FILE, env.AWS_ROLE_ARN) : Promise.resolve(undefined);
  const profile = opts.profile ?? env.AWS_PROFILE;

  if (opts.offline) {
    await gatherOffline(inputs, opts);
  } else {
    const id = await probeIdentity({
      env,
      ...(opts.credentials ? { credentials: opts.credentials } : {}),
      ...(opts.profile ? { profile: opts.profile } : {}),
      showKeyIds: Boolean(opts.showKeyIds),
      credentialsDeadlineMs: CREDENTIALS_DEADLINE_MS,
      callDeadlineMs: STS_DEADLINE_MS,
    });
    const creds = credentialsInput(id, profile);
    if (creds) inputs.credentials = creds;
    const unreached = id.credentialsError !== undefined ? describeStsError(id) : undefined;
    if (unreached && unreached.code !== 'CC3015') {
      // A role or web identity profile whose STS could not be reached: an identity failure with the
      // network diagnosis, never "no credentials".
      inputs.identity = { ok: false, code: id.credentialsFailure?.code ?? id.credentialsFailure?.kind ?? 'unreachable', message: id.credentialsError!, diagnosis: unreached.message, fix: unreached.fix };
      inputs.notChecked.push('clock: STS could not be reached, so no AWS Date header');
    } else if (id.credentialsError !== undefined) {
      inputs.credentialsError = id.credentialsError;
      inputs.notChecked.push('clock: no credentials to call STS with, so no AWS Date header');
    } else if (id.ok && id.caller) {
      inputs.identity = { ok: true, account: id.caller.account, arn: id.caller.arn, principalType: id.caller.principalType };
    } else {
      const d = describeStsError(id);
      inputs.identity = { ok: false, code: id.error?.code ?? id.error?.kind ?? 'Error', message: id.error?.message ?? '', diagnosis: d?.message ?? 'STS rejected the call', fix: d?.fix ?? 'Run `credcheck identity` for the full diagnosis.' };
    }
    if (id.clockOffsetMs !== undefined) {
      // The Date header is truncated to the second: AWS's time lies within [D, D+1 s) during the round trip.
      inputs.clock = { offsetMs: id.clockOffsetMs, uncertaintyMs: Math.round(500 + (id.latencyMs ?? 0) / 2), reference: `the AWS Date header (${id.endpoint})` };
    } else if (id.credentialsError === undefined) {
      inputs.notChecked.push('clock: STS sent no Date header');
    }
  }
  const w = await web;
  if (w) inputs.webIdentity = w;
  return inputs;
}

/** The merged profile the SDK would read its region from; unreadable or slow files mean "no profile". */
async function profileConfig(flag: string | undefined, env: NodeJS.ProcessEnv): Promise<ProfileConfig | undefined> {
  try {
    return await withDeadline(loadProfileConfig(profileName(flag, env)), PROFILE_DEADLINE_MS, 'reading the profile');
  } catch {
    return undefined;
  }
}

/** Offline: only the environment, because every other source may call STS, SSO, IMDS or a container. */
async function gatherOffline(inputs: PreflightInputs, opts: GatherOptions): Promise<void> {
  const { fromEnv } = await import('@aws-sdk/credential-providers');
  try {
    const creds = await fromEnv()();
    registerSecret(creds.secretAccessKey);
    registerSecret(creds.sessionToken);
    const expiration = creds.expiration?.toISOString();
    inputs.credentials = {
      source: 'environment variables',
      accessKeyId: maskKeyId(creds.accessKeyId, opts.showKeyIds) ?? '…',
      keyType: keyTypeOf(creds.accessKeyId),
      refreshable: false,
      ...(expiration ? { expiration, expirationSource: 'AWS_CREDENTIAL_EXPIRATION' } : {}),
    };
  } catch (e) {
    inputs.credentialsError = (e as Error).message.split('\n')[0] ?? 'no credentials in the environment';
    inputs.notChecked.push('credentials: --offline reads only AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY; profiles, SSO, web identity and instance metadata need the network');
  }
  inputs.notChecked.push('identity: --offline, STS GetCallerIdentity was not called: the credentials, account and ARN are unverified');
  inputs.notChecked.push('clock: --offline, the AWS Date header was not read');
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
