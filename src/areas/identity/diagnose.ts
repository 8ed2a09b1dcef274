import type { Hit } from '../../kernel/rule.js';
import { formatDuration } from '../../kernel/duration.js';
import type { IdentityFacts } from './facts.js';

/**
 * Turns a failed identity probe into exactly one diagnosis: which CC3xxx code, what we saw, and the
 * fix — using everything known (key type, session token, expiry, clock, proxy, region). Pure.
 * Each CC30xx rule file asks this function and keeps the hit only when the code is its own, so the
 * choice between look-alike causes (wrong secret vs clock) is made in one place.
 */
export interface Diagnosis extends Hit {
  code: string;
}

/** Regions an account must opt in to; tokens from the global endpoint are v1 and invalid there by default. */
export const OPT_IN_REGIONS = new Set([
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6',
  'ap-southeast-7', 'ca-west-1', 'eu-central-2', 'eu-south-1', 'eu-south-2', 'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1',
]);

const NETWORK = new Set(['dns', 'refused', 'reset', 'timeout']);

function said(f: IdentityFacts): string {
  const e = f.error!;
  // The message is quoted exactly as STS sent it, so it goes in parentheses, not mid-sentence.
  return `STS at ${f.endpoint} answered ${`${e.httpStatus ?? ''} ${e.code ?? ''}`.trim()} ("${e.message}")`;
}

function keyText(f: IdentityFacts): string {
  const c = f.credentials;
  if (!c) return 'the credentials';
  return `key ${c.keyId} (${c.keyType}${c.hasSessionToken ? ', with session token' : ', no session token'}) from ${c.source}`;
}

/** offsetMs = local − AWS: positive → ahead of AWS, negative → behind. */
export function skewText(ms: number): string {
  return `${formatDuration(Math.abs(ms))} ${ms > 0 ? 'ahead of' : 'behind'} AWS`;
}

function clockEvidence(f: IdentityFacts): string {
  if (f.clockOffsetMs === undefined) return '';
  return ` AWS's clock (response Date header, ±1 s) was ${f.serverDate}; this host said ${f.localDate}: this host is ${skewText(f.clockOffsetMs)}.`;
}

const proxyHint = (f: IdentityFacts) =>
  f.proxy ? ` The call went through the proxy ${f.proxy.url} (from ${f.proxy.variable}).` : f.proxyBypassedBy ? ` ${f.proxyBypassedBy.variable} entry "${f.proxyBypassedBy.entry}" made the call bypass the configured proxy.` : '';

const UNREACHABLE = new Set(['dns', 'refused', 'reset', 'timeout', 'tls', 'proxy']);

/**
 * When resolving the credentials needed STS and could not reach it, the profile is configured, not
 * verified: nothing says it is wrong. Returns the sentence that says so, or undefined.
 */
function unreachedForCredentials(f: IdentityFacts): string | undefined {
  if (f.credentialsError === undefined || f.credentialsNeed !== 'sts' || !f.credentialsFailure || !UNREACHABLE.has(f.credentialsFailure.kind)) return undefined;
  return `${f.credentialsVia ?? `Profile "${f.profile}"`}: configured, not verified. Resolving it needs STS, and the call did not get through.`;
}

export function describeStsError(f: IdentityFacts, now: string = new Date().toISOString()): Diagnosis | undefined {
  if (f.ok) return undefined;
  const unreached = unreachedForCredentials(f);
  if (f.credentialsError !== undefined && !unreached) {
    return {
      code: 'CC3015',
      message: `No credentials to sign with: the SDK's provider chain (profile "${f.profile}") failed with "${f.credentialsError}". STS was not called.`,
      fix: 'Run `credcheck chain` to see which source was tried and why each one failed; then set AWS_PROFILE to a working profile, export AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run `aws sso login` for an SSO profile.',
    };
  }
  if (unreached) {
    // Same causes, same codes and fixes as a failed GetCallerIdentity: only the call differs.
    const d = describeStsError({ ...f, credentialsError: undefined, error: f.credentialsFailure! }, now);
    if (!d) return undefined;
    return { ...d, message: `${unreached} ${d.message}` };
  }
  const e = f.error;
  if (!e) return undefined;
  const c = f.credentials;
  const msg = e.message;

  if (e.kind === 'proxy' || (f.proxy && NETWORK.has(e.kind) && !e.proxyAnswered)) {
    const p = `${f.proxy?.url ?? 'the proxy'} (from ${f.proxy?.variable ?? 'the environment'})`;
    let why: string;
    let fix: string;
    if (e.proxyStatus === 407) {
      why = `the proxy ${p} demands authentication (407 Proxy Authentication Required)`;
      fix = `Put the proxy credentials in the URL (${f.proxy?.variable}=http://USER:PASSWORD@host:port, URL-encoding special characters) or ask for the STS host to be exempted from proxy authentication.`;
    } else if (e.proxyStatus !== undefined && e.proxyStatus >= 500) {
      why = `the proxy ${p} accepted us but could not reach ${f.endpoint} (CONNECT answered ${e.proxyStatus})`;
      fix = `Ask the proxy's owners to allow and route ${new URL(f.endpoint).host}, or add it to NO_PROXY if it is reachable directly.`;
    } else if (e.proxyStatus !== undefined) {
      why = `the proxy ${p} refused to tunnel to ${new URL(f.endpoint).host} (CONNECT answered ${e.proxyStatus})`;
      fix = `Ask the proxy's owners to allow ${new URL(f.endpoint).host}:443 (CONNECT), or add the host to NO_PROXY if it is reachable directly.`;
    } else {
      why = `the proxy ${p} could not be reached: ${e.code ?? e.kind} ${msg}`;
      fix = `Check that the proxy is running and the address in ${f.proxy?.variable} is right, or unset ${f.proxy?.variable} (or add the STS host to NO_PROXY) if this host can reach AWS directly.`;
    }
    return { code: 'CC3014', message: `The STS call failed because ${why}.`, fix };
  }

  if (e.kind === 'tls') {
    const given = f.caBundle ? ` Configured: ${Object.entries(f.caBundle).map(([k, v]) => `${k}=${v}`).join(', ')}.` : ' Neither AWS_CA_BUNDLE nor NODE_EXTRA_CA_CERTS is set.';
    return {
      code: 'CC3013',
      message: `TLS to ${f.endpoint} failed: ${e.code ?? ''} ${msg}. The certificate presented is not signed by a CA Node trusts — typically a corporate TLS-inspecting proxy or firewall re-signing traffic.${given}${proxyHint(f)}`.replace(/\s+/g, ' '),
      fix: 'Get your organisation\'s root CA certificate (PEM) and export NODE_EXTRA_CA_CERTS=/path/to/corp-ca.pem for Node applications (the JavaScript SDK v3 does not read AWS_CA_BUNDLE) and AWS_CA_BUNDLE=/path/to/corp-ca.pem for the AWS CLI and Python/other SDKs. Never disable certificate verification.',
    };
  }
  if (e.kind === 'dns') {
    return {
      code: 'CC3010',
      message: `The STS host in ${f.endpoint} (${f.endpointSource}) could not be resolved: ${e.code} ${msg}.${proxyHint(f)}`,
      fix: f.endpointSource === 'regional default'
        ? `Check DNS on this host (resolv.conf, VPN) and that region "${f.region}" (${f.regionWhy}) is a real region name; if this network only reaches AWS through a proxy, set HTTPS_PROXY — and configure the same proxy in your application, because the JavaScript SDK ignores HTTPS_PROXY.`
        : `Check the endpoint override from ${f.endpointSource} (${f.endpoint}): fix the host name or unset it to use the regional STS endpoint.`,
    };
  }
  if (e.kind === 'refused' || e.kind === 'reset') {
    return {
      code: 'CC3011',
      message: `The connection to ${f.endpoint} (${f.endpointSource}) was ${e.kind === 'refused' ? 'refused' : 'reset'}: ${e.code} ${msg}.${proxyHint(f)}`,
      fix: f.endpointSource !== 'regional default'
        ? `Nothing accepts connections at ${f.endpoint}: fix or unset ${f.endpointSource === 'AWS_ENDPOINT_URL_STS' || f.endpointSource === 'AWS_ENDPOINT_URL' ? f.endpointSource : 'the endpoint_url in the profile'}.`
        : 'A firewall or security group is blocking HTTPS (443) to STS: allow it, use a VPC endpoint for STS (com.amazonaws.REGION.sts), or set HTTPS_PROXY if this network requires a proxy.',
    };
  }
  if (e.kind === 'timeout') {
    return {
      code: 'CC3012',
      message: `No answer from ${f.endpoint} in time: ${msg}.${proxyHint(f)}`,
      fix: 'Outbound HTTPS to STS is probably dropped silently (firewall, missing NAT gateway or VPC endpoint for STS). Allow 443 to the STS endpoint, add an STS interface VPC endpoint, or set HTTPS_PROXY if this network requires a proxy.',
    };
  }

  const code = e.code ?? '';
  if (code === 'ExpiredToken' || code === 'ExpiredTokenException') {
    const exp = c?.expiration ? ` The credentials said they expire at ${c.expiration} (${Date.parse(c.expiration) <= Date.parse(now) ? 'already past' : 'still in the future by this host\'s clock — check the clock'}).` : '';
    return {
      code: 'CC3001',
      message: `${said(f)}. The session behind ${keyText(f)} has expired.${exp}`,
      fix: `Get fresh credentials from where they came from (${c?.source ?? 'their source'}): re-run your login (aws sso login, saml2aws/gimme-aws-creds login, aws-vault exec) or re-assume the role; if a tool exported them into a file or the environment, that copy never refreshes — remove it so a refreshing source is used.`,
    };
  }
  if (code === 'InvalidClientTokenId') {
    if (c?.keyType === 'temporary' && !c.hasSessionToken) {
      return {
        code: 'CC3003',
        message: `${said(f)}. ${keyText(f)} is a temporary (ASIA) key, but no session token was sent: STS cannot recognise a temporary key without its token.`,
        fix: 'Supply the session token that came with the key: AWS_SESSION_TOKEN in the environment or aws_session_token in the profile (copy all three values from the same issue).',
      };
    }
    if (c?.keyType === 'temporary' && OPT_IN_REGIONS.has(f.region)) {
      return {
        code: 'CC3004',
        message: `${said(f)}. ${keyText(f)} was used in ${f.region}, an opt-in region. Session tokens issued by the global endpoint (sts.amazonaws.com) are only valid in regions enabled by default unless the account issues v2 tokens.`,
        fix: `Obtain the session from a regional STS endpoint (AWS_STS_REGIONAL_ENDPOINTS=regional for the CLI and Python; sts.${f.region}.amazonaws.com), or in IAM → Account settings set "Global endpoint" tokens to be valid in all regions (aws iam set-security-token-service-preferences --global-endpoint-token-version v2Token).`,
      };
    }
    return {
      code: 'CC3002',
      message: `${said(f)}. STS does not know ${keyText(f)}: it was deleted or deactivated, belongs to another partition (aws-cn, aws-us-gov) than ${f.endpoint}, or the key id is mistyped.`,
      fix: c?.keyType === 'long-term'
        ? 'In IAM check that the access key exists and is Active (aws iam list-access-keys from a working identity); create a new key if it was deleted, and make sure the region/endpoint belongs to the key\'s partition.'
        : 'Get a fresh set of credentials (key, secret and token together) from their source; make sure the region/endpoint belongs to their partition.',
    };
  }
  const clockMsg = /Signature expired|not yet current|is now earlier than|is still later than/i.test(msg);
  if (code === 'RequestExpired' || code === 'RequestTimeTooSkewed' || code === 'RequestInTheFuture' || (code === 'SignatureDoesNotMatch' && clockMsg)) {
    return {
      code: 'CC3006',
      message: `${said(f)}. The request was signed with a time AWS rejects: this host's clock is off by more than the 5-minute tolerance.${clockEvidence(f)}`,
      fix: 'Fix the system clock: enable time sync (chronyd/systemd-timesyncd with 169.254.169.123 on EC2, time.aws.com elsewhere; `timedatectl set-ntp true`), then check with `credcheck clock`. Do not rely on SDK skew correction: other tools on this host do not correct.',
    };
  }
  if (code === 'SignatureDoesNotMatch') {
    const pasted = c?.secretLooksPasted ? ' The secret key contains whitespace or characters outside base64 — the classic trace of a copy-paste.' : '';
    return {
      code: 'CC3005',
      message: `${said(f)}. STS knows ${keyText(f)} but the secret key does not match it.${pasted}`,
      fix: 'Re-copy the secret access key that belongs to this key id (no spaces, quotes or line breaks), or create a new access key pair; if key id and secret come from different places (env vs profile), make them come from one.',
    };
  }
  if (code === 'RegionDisabledException') {
    return {
      code: 'CC3007',
      message: `${said(f)}. STS is deactivated in ${f.region} (${f.regionWhy}) for this account.`,
      fix: `Use a region where STS is active (e.g. --region us-east-1 / AWS_REGION), or have an administrator activate STS for ${f.region} in IAM → Account settings → Security Token Service (STS) endpoints.`,
    };
  }
  if (code === 'Throttling' || code === 'ThrottlingException' || code === 'RequestLimitExceeded') {
    return {
      code: 'CC3008',
      message: `${said(f)} after ${f.attempts ?? 1} attempt(s). The credentials are probably fine; STS is rate-limiting calls from this account.`,
      fix: 'Find what is calling STS in a loop (CloudTrail: eventSource sts.amazonaws.com) — often a process that re-assumes a role per request instead of caching credentials — and make it cache; retry later.',
      severity: 'warning',
    };
  }
  if ((e.httpStatus ?? 0) >= 500) {
    return {
      code: 'CC3009',
      message: `${said(f)} after ${f.attempts ?? 1} attempt(s): a server-side failure, nothing about your credentials.${proxyHint(f)}`,
      fix: f.endpointSource === 'regional default'
        ? `Retry; if it persists, check the AWS Health Dashboard for STS in ${f.region} or try another region with --region.`
        : `The endpoint ${f.endpoint} comes from ${f.endpointSource}: check that service, or unset the override to use AWS's STS.`,
    };
  }
  return {
    code: 'CC3016',
    message: `${said(f)}.${e.kind === 'http' ? ' The answer is not an STS error body: something other than STS (a proxy, gateway or wrong endpoint) answered.' : ''}${proxyHint(f)}`,
    fix: `Check that ${f.endpoint} (${f.endpointSource}) really is an STS endpoint and that nothing in between rewrites the response; run with --debug for details.`,
  };
}
