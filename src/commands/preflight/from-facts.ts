/**
 * PreflightInputs from the shared facts the areas runner gathered — the same files, chain and
 * identity facts doctor judges: the identity area resolved the credentials through the SDK's own
 * chain, called STS and read AWS's Date header; the chain area read the web identity token. Pure:
 * every check, rule and renderer downstream sees only PreflightInputs.
 */
import type { Facts } from '../../kernel/facts.js';
import { okValue, type ProbeResult } from '../../kernel/probe.js';
import { safeIso } from '../../kernel/untrusted.js';
import type { ChainFacts } from '../../areas/chain/facts.js';
import type { FileFacts } from '../../areas/files/facts.js';
import type { IdentityFacts } from '../../areas/identity/facts.js';
import { describeStsError } from '../../areas/identity/diagnose.js';
import { expiryOriginOf, refreshesFromFlags } from '../../sdk/sources.js';
import { configuredRegion } from '../../sdk/sts/region.js';
import type { PreflightInputs } from './inputs.js';

export interface InputsOptions {
  profile?: string;
  offline?: boolean;
}

export function preflightInputs(facts: Facts, env: NodeJS.ProcessEnv, opts: InputsOptions): PreflightInputs {
  const inputs: PreflightInputs = { notChecked: [] };
  const files = okValue(facts.files);
  const chain = okValue(facts.chain);
  const region = regionOf(files, env);
  if (region) inputs.region = region;
  if (opts.offline) offlineInputs(inputs, chain);
  else onlineInputs(inputs, facts.identity, opts.profile ?? env.AWS_PROFILE);
  // The SDK's "Could not load credentials from any providers" hides the cause a person can act on.
  if (files && inputs.credentialsError !== undefined && files.profile.source !== 'default' && !files.profiles.some((p) => p.name === files.profile.name)) {
    inputs.credentialsError = `profile ${files.profile.name} does not exist (selected by ${files.profile.source}; see CC1034)`;
  }
  if (chain?.webIdentity) inputs.webIdentity = chain.webIdentity;
  return inputs;
}

/** The region a tool would find configured: the environment, then the selected profile as the files area merged it. */
function regionOf(files: FileFacts | undefined, env: NodeJS.ProcessEnv): PreflightInputs['region'] {
  const p = files?.profiles.find((q) => q.name === files.profile.name);
  return configuredRegion(env, p ? { name: p.name, values: { region: p.region }, services: {} } : undefined);
}

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
  if (id.profileNotUsed && profile) out.profileNotUsed = profile;
  return out;
}

function onlineInputs(inputs: PreflightInputs, result: ProbeResult<IdentityFacts> | undefined, profile: string | undefined): void {
  const id = okValue(result);
  if (!id) {
    // The run's overall deadline ended the identity area before its own bounded waits did.
    const why = result?.status === 'unavailable' ? result.reason : result?.status === 'crashed' ? `internal error: ${result.error}` : 'STS was not called';
    inputs.notChecked.push(`credentials: not resolved: ${why}`, `identity: ${why}`, 'clock: STS was not reached, so no AWS Date header');
    return;
  }
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

/** Offline: only the exported keys, because every other source may call STS, SSO, IMDS or a container. */
function offlineInputs(inputs: PreflightInputs, chain: ChainFacts | undefined): void {
  const keys = chain?.envKeys;
  if (keys?.set && keys.accessKeyId !== undefined) {
    const expiration = safeIso(keys.expiration);
    inputs.credentials = {
      source: 'environment variables',
      accessKeyId: keys.accessKeyId,
      keyType: keys.keyType ?? 'unknown',
      refreshable: false,
      ...(expiration ? { expiration, expirationSource: 'AWS_CREDENTIAL_EXPIRATION' } : {}),
    };
  } else {
    const envLink = chain?.links.find((l) => l.source === 'env');
    inputs.credentialsError = envLink?.status === 'not-configured' || envLink?.status === 'failed' ? envLink.reason ?? 'no credentials in the environment' : 'no credentials in the environment';
    inputs.notChecked.push('credentials: --offline reads only AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY; profiles, SSO, web identity and instance metadata need the network');
  }
  inputs.notChecked.push('identity: --offline, STS GetCallerIdentity was not called: the credentials, account and ARN are unverified');
  inputs.notChecked.push('clock: --offline, the AWS Date header was not read');
}
