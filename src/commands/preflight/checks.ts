import { formatDuration } from '../../kernel/duration.js';
import { globMatches } from '../../sdk/arn-glob.js';
import type { PreflightInputs } from './inputs.js';

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip';
export type CheckId = 'credentials' | 'identity' | 'ttl' | 'account' | 'arn' | 'long-term-keys' | 'clock-skew' | 'region' | 'web-identity';

export interface Check {
  id: CheckId;
  name: string;
  status: CheckStatus;
  reason: string;
}

export interface PreflightOptions {
  minTtlMs?: number;
  expectAccounts: string[];
  expectArn?: string;
  denyLongTermKeys: boolean;
  maxClockSkewMs: number;
  requireRegion: boolean;
  /** Unknown expiry and unverifiable expectations fail instead of warn. */
  strict: boolean;
}

/**
 * 60 s: NTP-synced hosts are within milliseconds, so a minute of drift means time sync is broken,
 * and it still leaves four minutes before SigV4's ±5 min window rejects requests (field-notes §4).
 * Failing at 5 min would only report what the pipeline is about to find out the hard way.
 */
export const DEFAULT_MAX_CLOCK_SKEW_MS = 60_000;

const NAMES: Record<CheckId, string> = {
  credentials: 'credentials present',
  identity: 'identity valid (STS GetCallerIdentity)',
  ttl: 'credentials last long enough',
  account: 'expected account',
  arn: 'expected principal ARN',
  'long-term-keys': 'no long-term access keys',
  'clock-skew': 'clock skew',
  region: 'region configured',
  'web-identity': 'web identity token',
};

export function evaluate(inputs: PreflightInputs, opts: PreflightOptions, now: string): Check[] {
  const nowMs = Date.parse(now);
  const check = (id: CheckId, status: CheckStatus, reason: string): Check => ({ id, name: NAMES[id], status, reason });
  const unverified = (id: CheckId, reason: string) => check(id, opts.strict ? 'fail' : 'warn', `${reason}${opts.strict ? ' (--strict)' : ''}`);
  const creds = inputs.credentials;
  const id = inputs.identity;
  const checks: Check[] = [];

  const credsNotChecked = notCheckedReason(inputs, 'credentials');
  // Credentials that needed STS which could not be reached are configured, not missing.
  const unreached = !creds && id !== undefined && !id.ok;
  if (creds?.profileNotUsed) checks.push(check('credentials', 'fail', `profile "${creds.profileNotUsed}" was selected but did not supply them: ${creds.accessKeyId} came from ${creds.source === 'unknown' ? 'a later source of the chain' : creds.source}, because the profile failed and the SDK fell through (credcheck chain --profile ${creds.profileNotUsed} shows why)`));
  else if (creds) checks.push(check('credentials', 'pass', `${creds.accessKeyId} (${creds.keyType}) from ${creds.source}`));
  else if (unreached) checks.push(check('credentials', 'skip', 'configured, not verified: resolving them needs STS, which could not be reached (see identity)'));
  else if (credsNotChecked) checks.push(unverified('credentials', `no environment credentials, other sources not resolved: ${credsNotChecked}`));
  else checks.push(check('credentials', 'fail', `no credentials found${inputs.credentialsError ? `: ${inputs.credentialsError}` : ''}`));

  if (unreached) checks.push(check('identity', 'fail', `${id.code}: ${id.diagnosis}`));
  else if (!creds) checks.push(check('identity', 'skip', 'no credentials to verify'));
  else if (!id) checks.push(check('identity', 'skip', `not verified: ${notCheckedReason(inputs, 'identity') ?? 'STS was not called'}`));
  else if (id.ok) checks.push(check('identity', 'pass', `${id.arn} (account ${id.account})`));
  else checks.push(check('identity', 'fail', `STS ${id.code}: ${id.diagnosis}`));

  checks.push(ttlCheck(inputs, opts, nowMs, check, unverified));

  const account = id?.ok ? id.account : undefined;
  if (opts.expectAccounts.length === 0) checks.push(check('account', 'skip', 'not requested (--expect-account)'));
  else if (account === undefined) checks.push(unverified('account', `account unknown: the identity was not verified, expected ${opts.expectAccounts.join(' or ')}`));
  else if (opts.expectAccounts.includes(account)) checks.push(check('account', 'pass', `account ${account}`));
  else checks.push(check('account', 'fail', `account ${account} is not the expected ${opts.expectAccounts.join(' or ')}`));

  const arn = id?.ok ? id.arn : undefined;
  if (opts.expectArn === undefined) checks.push(check('arn', 'skip', 'not requested (--expect-arn)'));
  else if (arn === undefined) checks.push(unverified('arn', `ARN unknown: the identity was not verified, expected ${opts.expectArn}`));
  else if (globMatches(opts.expectArn, arn)) checks.push(check('arn', 'pass', `${arn} matches ${opts.expectArn}`));
  else checks.push(check('arn', 'fail', `${arn} does not match ${opts.expectArn}`));

  if (!opts.denyLongTermKeys) checks.push(check('long-term-keys', 'skip', 'not requested (--deny-long-term-keys)'));
  else if (!creds) checks.push(check('long-term-keys', 'skip', 'no credentials'));
  else if (creds.keyType === 'long-term') checks.push(check('long-term-keys', 'fail', `${creds.accessKeyId} from ${creds.source} is a long-term IAM user key (AKIA)`));
  else if (creds.keyType === 'temporary') checks.push(check('long-term-keys', 'pass', `${creds.accessKeyId} is a temporary STS key (ASIA)`));
  else checks.push(unverified('long-term-keys', `${creds.accessKeyId} is neither AKIA nor ASIA: cannot tell whether it is long-term`));

  const clock = inputs.clock;
  if (!clock) checks.push(check('clock-skew', 'skip', `not measured: ${notCheckedReason(inputs, 'clock') ?? 'no reference clock answered'}`));
  else {
    const off = Math.abs(clock.offsetMs);
    const text = `${clock.offsetMs > 0 ? 'ahead of' : 'behind'} ${clock.reference} by ${formatDuration(off)} (±${formatDuration(clock.uncertaintyMs)}); limit ${formatDuration(opts.maxClockSkewMs)}`;
    // Judge the lower bound: a 1 s-resolution Date header must not fail a correct clock.
    checks.push(check('clock-skew', off - clock.uncertaintyMs > opts.maxClockSkewMs ? 'fail' : 'pass', `this clock is ${text}`));
  }

  if (inputs.region) checks.push(check('region', 'pass', `${inputs.region.name} from ${inputs.region.source}`));
  else if (opts.requireRegion) checks.push(check('region', 'fail', 'no region configured (AWS_REGION, or region in the profile)'));
  else checks.push(check('region', 'skip', 'no region configured; not required (--require-region)'));

  checks.push(webIdentityCheck(inputs, opts, nowMs, check));
  return checks;
}

type Make = (id: CheckId, status: CheckStatus, reason: string) => Check;

function ttlCheck(inputs: PreflightInputs, opts: PreflightOptions, nowMs: number, check: Make, unverified: (id: CheckId, r: string) => Check): Check {
  const creds = inputs.credentials;
  if (!creds) return check('ttl', 'skip', 'no credentials');
  const need = opts.minTtlMs ?? 0;
  const needText = opts.minTtlMs === undefined ? '' : `; the job needs ${formatDuration(need)} (--min-ttl)`;
  if (creds.keyType === 'long-term' && creds.expiration === undefined) return check('ttl', 'pass', 'long-term keys do not expire');
  if (creds.expiration === undefined) {
    if (creds.refreshable) return check('ttl', 'pass', `expiry unknown, but ${creds.source} refreshes credentials before they expire`);
    if (opts.minTtlMs === undefined) return check('ttl', 'skip', 'expiry unknown; no --min-ttl asked');
    const why = creds.source.startsWith('environment')
      ? 'exported session keys without AWS_CREDENTIAL_EXPIRATION have an unknown expiry'
      : `${creds.source} does not say when these keys expire`;
    return unverified('ttl', `expiry unknown: ${why}${needText}`);
  }
  const left = Date.parse(creds.expiration) - nowMs;
  const from = creds.expirationSource ? ` (from ${creds.expirationSource})` : '';
  const when = left <= 0 ? `expired ${formatDuration(-left)} ago at ${creds.expiration}${from}` : `expire in ${formatDuration(left)} at ${creds.expiration}${from}`;
  if (creds.refreshable) return check('ttl', 'pass', `the current set ${when}, and ${creds.source} refreshes them before they expire`);
  if (left <= 0 || left < need) return check('ttl', 'fail', `credentials ${when}${needText}; nothing will refresh them (${creds.source})`);
  return check('ttl', 'pass', `credentials ${when}${needText}`);
}

function webIdentityCheck(inputs: PreflightInputs, opts: PreflightOptions, nowMs: number, check: Make): Check {
  const w = inputs.webIdentity;
  if (!w) return check('web-identity', 'skip', 'no AWS_WEB_IDENTITY_TOKEN_FILE');
  if (w.error) return check('web-identity', 'fail', `${w.tokenFile}: ${w.error}`);
  const claims = [w.iss && `iss ${w.iss}`, w.sub && `sub ${w.sub}`, w.aud?.length && `aud ${w.aud.join(',')}`].filter(Boolean).join(', ');
  if (!w.exp) return check('web-identity', 'warn', `token has no exp claim (${claims}); STS will reject it`);
  const left = Date.parse(w.exp) - nowMs;
  if (left <= 0) return check('web-identity', 'fail', `token expired ${formatDuration(-left)} ago at ${w.exp} (${claims}); AssumeRoleWithWebIdentity will refuse it`);
  const need = opts.minTtlMs;
  const session = inputs.credentials?.expiration;
  const sessionLeft = session ? Date.parse(session) - nowMs : undefined;
  let text = `token expires in ${formatDuration(left)} at ${w.exp} (${claims})`;
  if (sessionLeft !== undefined) text += `; role session expires in ${formatDuration(sessionLeft)}`;
  if (need !== undefined && sessionLeft !== undefined && sessionLeft < need && left < need) {
    // The SDK re-assumes the role with the token file when the session nears expiry: that only works if the token is still valid.
    return check('web-identity', 'fail', `${text}; the job needs ${formatDuration(need)}: the session ends first and the token will be expired when it must be re-assumed, unless something rewrites ${w.tokenFile}`);
  }
  if (need !== undefined && sessionLeft === undefined && left < need) {
    return check('web-identity', 'warn', `${text}; the job needs ${formatDuration(need)} and the role session's expiry is unknown: a re-assume after ${w.exp} needs a fresh token in ${w.tokenFile}`);
  }
  return check('web-identity', 'pass', text);
}

function notCheckedReason(inputs: PreflightInputs, prefix: string): string | undefined {
  return inputs.notChecked.find((n) => n.startsWith(`${prefix}:`))?.slice(prefix.length + 1).trim();
}
