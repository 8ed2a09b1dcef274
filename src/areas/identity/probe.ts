import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { keyTypeOf, maskKeyId } from '../../kernel/mask.js';
import { DeadlineExceeded, withDeadline } from '../../kernel/probe.js';
import { registerSecret } from '../../kernel/secrets.js';
import { buildStsClient } from '../../sdk/sts/client.js';
import { loadProfileConfig, profileName, type ProfileConfig } from '../../sdk/sts/config.js';
import { resolveStsEndpoint } from '../../sdk/sts/endpoint.js';
import { classifyStsError } from '../../sdk/sts/errors.js';
import { resolveProxy } from '../../sdk/proxy.js';
import { resolveRegion } from '../../sdk/sts/region.js';
import type { CredentialTraits, IdentityFacts } from './facts.js';
import { sourceLabel } from '../../sdk/sources.js';
import { parseCaller } from './principal.js';
import { prepareSdk, readCaBundle } from '../../sdk/inputs.js';
import { safeIso } from '../../kernel/untrusted.js';

export interface IdentityProbeOptions {
  env?: NodeJS.ProcessEnv;
  profile?: string;
  region?: string;
  /** A provider to use instead of the SDK's default chain (doctor passes the chain's resolved one). */
  credentials?: AwsCredentialIdentityProvider;
  expectAccount?: string;
  expectArn?: string;
  showKeyIds?: boolean;
  /** Budget for resolving credentials (the chain may try IMDS). */
  credentialsDeadlineMs?: number;
  /** Budget for the whole STS call, retries included. */
  callDeadlineMs?: number;
  /**
   * doctor: the moment (performance.now()) by which the call must be over when the credentials
   * came at once (keys in the environment or a file), so the budget also covers what came before
   * the call (loading the SDK, waiting for the files) instead of being added to it; at least
   * 300 ms are left for the call. Credentials that took a while (IMDS, a container endpoint, SSO)
   * leave the call callDeadlineMs of its own, as before: the overlap is for start-up, not for a
   * slow credential source.
   */
  callEndsBy?: number;
}

/** Credentials resolved faster than this came from memory or a local file (see callEndsBy). */
const QUICK_CREDENTIALS_MS = 250;

/** $source flags set only when fromIni/fromProcess/fromSSO resolved the selected profile. */
const PROFILE_FLAGS = /^CREDENTIALS_(PROFILE|PROCESS|SSO|STS_ASSUME_ROLE|LOGIN)/;

/** SDK error names that mean "your clock", the ones its retry strategy retries after correcting. */
const CLOCK_CODES = new Set(['SignatureDoesNotMatch', 'RequestExpired', 'RequestTimeTooSkewed', 'RequestInTheFuture', 'InvalidSignatureException', 'AuthFailure']);

function traits(creds: AwsCredentialIdentity, showKeyIds: boolean): CredentialTraits {
  const flags = Object.keys((creds as { $source?: Record<string, string> }).$source ?? {});
  const secret = creds.secretAccessKey ?? '';
  return {
    keyId: maskKeyId(creds.accessKeyId, showKeyIds) ?? '…',
    keyType: keyTypeOf(creds.accessKeyId?.trim()),
    hasSessionToken: Boolean(creds.sessionToken),
    secretLooksPasted: secret !== secret.trim() || /[^A-Za-z0-9+/]/.test(secret.trim()),
    ...(safeIso(creds.expiration) ? { expiration: safeIso(creds.expiration)! } : {}),
    source: sourceLabel(flags),
    featureFlags: flags,
  };
}

/** Which endpoint resolving these credentials calls, when it calls one (the JS SDK's order). */
function networkNeed(profile: ProfileConfig | undefined, env: NodeJS.ProcessEnv): { need: NonNullable<IdentityFacts['credentialsNeed']>; via: string } | undefined {
  const v = profile?.values ?? {};
  const name = `profile "${profile?.name ?? 'default'}"`;
  if (v.sso_session || v.sso_start_url) return { need: 'sso', via: `${name} (SSO)` };
  if (v.role_arn && v.web_identity_token_file) return { need: 'sts', via: `${name} (web identity: AssumeRoleWithWebIdentity)` };
  if (v.role_arn) return { need: 'sts', via: `${name} (role_arn: AssumeRole)` };
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE && env.AWS_ROLE_ARN) return { need: 'sts', via: 'AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN (AssumeRoleWithWebIdentity)' };
  if (env.AWS_CONTAINER_CREDENTIALS_FULL_URI || env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI) return { need: 'container', via: 'the container credentials endpoint' };
  return undefined;
}

/** The SDK's default chain; off EC2 it is stopped before the default IMDS address (off-limits.ts). */
async function defaultProvider(profile: string | undefined, env: NodeJS.ProcessEnv): Promise<AwsCredentialIdentityProvider> {
  const [{ fromNodeProviderChain }, { sdkImdsGate, stopBeforeImds }] = await Promise.all([import('@aws-sdk/credential-providers'), import('../imds/off-limits.js')]);
  const offLimits = (await sdkImdsGate(env).catch(() => undefined))?.offLimits;
  return fromNodeProviderChain({ ...(profile ? { profile } : {}), ...(offLimits ? { logger: stopBeforeImds(offLimits) } : {}) });
}

/**
 * Asks STS who the credentials belong to, and records everything needed to explain the answer.
 * Never throws for an STS or network failure: those are facts (ok: false, error). Secrets met on
 * the way are registered for scrubbing and reduced to traits.
 */
export async function probeIdentity(opts: IdentityProbeOptions = {}): Promise<IdentityFacts> {
  const env = opts.env ?? process.env;
  // The SDK's "node >=22 soon" notice on stderr says nothing about the credentials; set before any
  // client (the chain's nested STS too) is made. Affects this process only.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const name = profileName(opts.profile, env);
  // Before the SDK opens anything: every file it would read, read by credcheck's bounded reader.
  if (!opts.credentials) await prepareSdk(env);
  let profile: ProfileConfig | undefined;
  try {
    profile = await loadProfileConfig(name);
  } catch {
    profile = undefined;
  }
  const region = resolveRegion(opts.region, env, profile);
  const endpoint = resolveStsEndpoint(env, region.region, profile);
  // An endpoint that is not a URL (AWS_ENDPOINT_URL_STS="not a url") is a CC6104 finding; the
  // proxy choice for it is simply "none" rather than a crash.
  let proxy: ReturnType<typeof resolveProxy>;
  try {
    proxy = resolveProxy(env, endpoint.url);
  } catch {
    proxy = {} as ReturnType<typeof resolveProxy>;
  }
  const caBundle = {
    ...(env.AWS_CA_BUNDLE ? { AWS_CA_BUNDLE: env.AWS_CA_BUNDLE } : {}),
    ...(env.NODE_EXTRA_CA_CERTS ? { NODE_EXTRA_CA_CERTS: env.NODE_EXTRA_CA_CERTS } : {}),
  };
  const facts: IdentityFacts = {
    profile: name,
    region: region.region,
    regionSource: region.source,
    regionWhy: region.why,
    ...(region.ignoredDefaultRegion ? { ignoredDefaultRegion: region.ignoredDefaultRegion } : {}),
    endpoint: endpoint.url,
    endpointSource: endpoint.source,
    ...(endpoint.missingServicesSection ? { missingServicesSection: endpoint.missingServicesSection } : {}),
    ...(proxy.proxy ? { proxy: { url: proxy.proxy.display, variable: proxy.proxy.variable } } : {}),
    ...(proxy.bypassedBy ? { proxyBypassedBy: proxy.bypassedBy } : {}),
    providerGiven: Boolean(opts.credentials),
    ...(Object.keys(caBundle).length ? { caBundle } : {}),
    ok: false,
    clockSkewCorrected: false,
    ...(opts.expectAccount || opts.expectArn
      ? { expect: { ...(opts.expectAccount ? { account: opts.expectAccount } : {}), ...(opts.expectArn ? { arn: opts.expectArn } : {}) } }
      : {}),
  };

  let creds: AwsCredentialIdentity;
  let credsMs = 0;
  try {
    const provider = opts.credentials ?? (await defaultProvider(opts.profile, env));
    const credsStart = performance.now();
    creds = await withDeadline(provider(), opts.credentialsDeadlineMs ?? 6000, 'resolving credentials');
    credsMs = performance.now() - credsStart;
    registerSecret(creds.secretAccessKey);
    registerSecret(creds.sessionToken);
  } catch (error) {
    facts.credentialsError = (error as Error)?.message ?? String(error);
    // A role, web identity or SSO profile that could not reach its endpoint is configured, not
    // broken: keep the failure in the same terms as a failed STS call, so it gets the network fix.
    const need = networkNeed(profile, env);
    if (need) {
      facts.credentialsNeed = need.need;
      facts.credentialsVia = need.via;
      facts.credentialsFailure = error instanceof DeadlineExceeded
        ? { kind: 'timeout', code: 'Deadline', message: `no credentials within ${error.ms} ms` }
        : classifyStsError(error);
    }
    return facts;
  }
  facts.credentials = traits(creds, Boolean(opts.showKeyIds));
  const chosen = opts.profile ?? env.AWS_PROFILE;
  if (chosen && !opts.credentials && !facts.credentials.featureFlags.some((f) => PROFILE_FLAGS.test(f))) facts.profileNotUsed = true;

  let caBundlePem: string | undefined;
  if (env.AWS_CA_BUNDLE) {
    const ca = await readCaBundle(env.AWS_CA_BUNDLE);
    if (ca.status !== 'ok' || ca.text === undefined) {
      facts.error = { kind: 'other', message: `could not set up the STS client: AWS_CA_BUNDLE ${env.AWS_CA_BUNDLE} was not read (${ca.status}${ca.detail ? `: ${ca.detail}` : ''})` };
      return facts;
    }
    caBundlePem = ca.text;
  }
  let built;
  try {
    built = await buildStsClient({
      region: region.region,
      endpoint: endpoint.url,
      credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey, sessionToken: creds.sessionToken },
      ...(proxy.proxy ? { proxy: proxy.proxy } : {}),
      ...(caBundlePem !== undefined ? { caBundlePem } : {}),
    });
  } catch (error) {
    facts.error = { kind: 'other', message: `could not set up the STS client: ${(error as Error).message}` };
    return facts;
  }
  // Each attempt's outcome and AWS's Date header, seen below the retry loop.
  const attemptErrors: string[] = [];
  let lastDate: { server: string; local: number } | undefined;
  built.client.middlewareStack.add(
    (next) => async (args) => {
      try {
        const out = await next(args);
        const d = (out.response as { headers?: Record<string, string> })?.headers?.date;
        if (d) lastDate = { server: d, local: Date.now() };
        return out;
      } catch (error) {
        const d = (error as any)?.$response?.headers?.date;
        if (d) lastDate = { server: d, local: Date.now() };
        attemptErrors.push(String((error as any)?.name ?? 'Error'));
        throw error;
      }
    },
    // priority high: outside the deserializer, so errors arrive parsed (name = STS code).
    { step: 'deserialize', priority: 'high', name: 'credcheckObserveAttempts' },
  );

  const start = performance.now();
  try {
    const callMs = opts.callEndsBy !== undefined && credsMs < QUICK_CREDENTIALS_MS ? Math.max(300, Math.round(opts.callEndsBy - start)) : (opts.callDeadlineMs ?? 8000);
    const out = await withDeadline(built.client.send(new GetCallerIdentityCommand({})), callMs, `STS GetCallerIdentity at ${endpoint.url}`);
    facts.latencyMs = Math.round(performance.now() - start);
    facts.ok = true;
    facts.attempts = out.$metadata.attempts ?? 1;
    facts.caller = parseCaller(out.Account ?? '', out.Arn ?? '', out.UserId ?? '');
    facts.clockSkewCorrected = attemptErrors.some((c) => CLOCK_CODES.has(c));
  } catch (error) {
    facts.latencyMs = Math.round(performance.now() - start);
    if (error instanceof DeadlineExceeded) {
      facts.error = { kind: 'timeout', code: 'Deadline', message: error.message };
    } else {
      facts.error = classifyStsError(error, built.proxyObservation);
      if (facts.error.attempts) facts.attempts = facts.error.attempts;
    }
  } finally {
    built.destroy();
  }
  if (lastDate) {
    const server = Date.parse(lastDate.server);
    if (!Number.isNaN(server)) {
      facts.serverDate = new Date(server).toISOString();
      facts.localDate = new Date(lastDate.local).toISOString();
      // The header is truncated to the second: AWS's time lies in [D, D+1 s), so take the middle.
      // local − reference, the one sign convention (positive: this host is ahead of AWS).
      facts.clockOffsetMs = lastDate.local - (server + 500);
    }
  }
  // The SDK's systemClockOffset is AWS − local (what it adds to its clock); facts use local − AWS.
  facts.sdkClockOffsetMs = -(built.client.config.systemClockOffset ?? 0) || 0;
  return facts;
}
