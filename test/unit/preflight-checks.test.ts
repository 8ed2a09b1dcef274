import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, DEFAULT_MAX_CLOCK_SKEW_MS, type Check, type PreflightOptions } from '../../src/commands/preflight/checks.js';
import type { PreflightInputs } from '../../src/commands/preflight/inputs.js';
import { globMatches } from '../../src/sdk/arn-glob.js';
import { runRules } from '../../src/kernel/rule.js';
import { RULES } from '../../src/rules.js';

const NOW = '2026-11-22T12:00:00.000Z';
const inMin = (m: number) => new Date(Date.parse(NOW) + m * 60_000).toISOString();
const OPTS: PreflightOptions = { expectAccounts: [], denyLongTermKeys: false, maxClockSkewMs: DEFAULT_MAX_CLOCK_SKEW_MS, requireRegion: false, strict: false };
const ENV_SESSION: PreflightInputs['credentials'] = { source: 'environment', accessKeyId: 'ASIA…WXYZ', keyType: 'temporary', refreshable: false };
const OK_ID: PreflightInputs['identity'] = { ok: true, account: '111122223333', arn: 'arn:aws:sts::111122223333:assumed-role/deploy/ci-42', principalType: 'assumed-role' };

function run(inputs: Partial<PreflightInputs>, opts: Partial<PreflightOptions> = {}): Check[] {
  return evaluate({ notChecked: [], ...inputs }, { ...OPTS, ...opts }, NOW);
}
function get(checks: Check[], id: Check['id']): Check {
  const c = checks.find((x) => x.id === id);
  assert.ok(c, `no check ${id}`);
  return c;
}

describe('evaluate', () => {
  it('credentials present / absent', () => {
    assert.equal(get(run({ credentials: ENV_SESSION, identity: OK_ID }), 'credentials').status, 'pass');
    const c = get(run({ credentialsError: 'Could not load credentials from any providers' }), 'credentials');
    assert.equal(c.status, 'fail');
    assert.match(c.reason, /Could not load credentials/);
  });

  it('identity: valid passes, STS error fails with the diagnosis, offline skips', () => {
    assert.equal(get(run({ credentials: ENV_SESSION, identity: OK_ID }), 'identity').status, 'pass');
    const bad = get(run({ credentials: ENV_SESSION, identity: { ok: false, code: 'ExpiredToken', message: 'The security token included in the request is expired', diagnosis: 'the session token has expired', fix: 'x' } }), 'identity');
    assert.equal(bad.status, 'fail');
    assert.match(bad.reason, /ExpiredToken: the session token has expired/);
    const off = get(run({ credentials: ENV_SESSION, notChecked: ['identity: --offline, not called'] }), 'identity');
    assert.equal(off.status, 'skip');
    assert.match(off.reason, /--offline/);
  });

  it('TTL too short fails and says nothing will refresh exported keys', () => {
    const c = get(run({ credentials: { ...ENV_SESSION, expiration: inMin(52), expirationSource: 'AWS_CREDENTIAL_EXPIRATION' } }, { minTtlMs: 70 * 60_000 }), 'ttl');
    assert.equal(c.status, 'fail');
    assert.match(c.reason, /expire in 52m00s/);
    assert.match(c.reason, /needs 1h10m/);
    assert.match(c.reason, /nothing will refresh/);
  });

  it('TTL long enough passes; already expired fails even without --min-ttl', () => {
    assert.equal(get(run({ credentials: { ...ENV_SESSION, expiration: inMin(90) } }, { minTtlMs: 70 * 60_000 }), 'ttl').status, 'pass');
    const c = get(run({ credentials: { ...ENV_SESSION, expiration: inMin(-5) } }), 'ttl');
    assert.equal(c.status, 'fail');
    assert.match(c.reason, /expired 5m00s ago/);
  });

  it('unknown expiry of exported session keys warns, and fails with --strict', () => {
    const w = get(run({ credentials: ENV_SESSION }, { minTtlMs: 3_600_000 }), 'ttl');
    assert.equal(w.status, 'warn');
    assert.match(w.reason, /exported session keys without AWS_CREDENTIAL_EXPIRATION/);
    assert.equal(get(run({ credentials: ENV_SESSION }, { minTtlMs: 3_600_000, strict: true }), 'ttl').status, 'fail');
  });

  it('refreshable sources pass TTL and say they refresh', () => {
    const c = get(run({ credentials: { ...ENV_SESSION, source: 'profile role_arn (assume role)', refreshable: true, expiration: inMin(10) } }, { minTtlMs: 3_600_000 }), 'ttl');
    assert.equal(c.status, 'pass');
    assert.match(c.reason, /refreshes them/);
  });

  it('long-term keys pass TTL but fail --deny-long-term-keys', () => {
    const akia = { ...ENV_SESSION, accessKeyId: 'AKIA…ABCD', keyType: 'long-term' as const };
    assert.equal(get(run({ credentials: akia }, { minTtlMs: 3_600_000 }), 'ttl').status, 'pass');
    const c = get(run({ credentials: akia }, { denyLongTermKeys: true }), 'long-term-keys');
    assert.equal(c.status, 'fail');
    assert.match(c.reason, /AKIA…ABCD/);
    assert.equal(get(run({ credentials: ENV_SESSION }, { denyLongTermKeys: true }), 'long-term-keys').status, 'pass');
    assert.equal(get(run({ credentials: akia }), 'long-term-keys').status, 'skip');
  });

  it('--expect-account: any match passes, wrong account fails, unverified warns', () => {
    assert.equal(get(run({ credentials: ENV_SESSION, identity: OK_ID }, { expectAccounts: ['999999999999', '111122223333'] }), 'account').status, 'pass');
    const c = get(run({ credentials: ENV_SESSION, identity: OK_ID }, { expectAccounts: ['999999999999'] }), 'account');
    assert.equal(c.status, 'fail');
    assert.match(c.reason, /111122223333 is not the expected 999999999999/);
    assert.equal(get(run({ credentials: ENV_SESSION }, { expectAccounts: ['999999999999'] }), 'account').status, 'warn');
    assert.equal(get(run({ credentials: ENV_SESSION }, { expectAccounts: ['999999999999'], strict: true }), 'account').status, 'fail');
  });

  it('--expect-arn glob: match passes, mismatch fails', () => {
    assert.equal(get(run({ credentials: ENV_SESSION, identity: OK_ID }, { expectArn: 'arn:aws:sts::*:assumed-role/deploy/*' }), 'arn').status, 'pass');
    const c = get(run({ credentials: ENV_SESSION, identity: OK_ID }, { expectArn: 'arn:aws:sts::*:assumed-role/admin/*' }), 'arn');
    assert.equal(c.status, 'fail');
    assert.match(c.reason, /does not match/);
  });

  it('clock skew: within limit passes, beyond fails, uncertainty is allowed for, unmeasured skips', () => {
    assert.equal(get(run({ clock: { offsetMs: -2_000, uncertaintyMs: 600, reference: 'AWS Date' } }), 'clock-skew').status, 'pass');
    const c = get(run({ clock: { offsetMs: 600_000, uncertaintyMs: 600, reference: 'AWS Date' } }), 'clock-skew');
    assert.equal(c.status, 'fail');
    assert.match(c.reason, /ahead of AWS Date by 10m00s/);
    assert.equal(get(run({ clock: { offsetMs: -60_400, uncertaintyMs: 600, reference: 'AWS Date' } }), 'clock-skew').status, 'pass');
    assert.equal(get(run({ clock: { offsetMs: -90_000, uncertaintyMs: 600, reference: 'AWS Date' } }, { maxClockSkewMs: 120_000 }), 'clock-skew').status, 'pass');
    assert.equal(get(run({}), 'clock-skew').status, 'skip');
  });

  it('--require-region', () => {
    assert.equal(get(run({}, { requireRegion: true }), 'region').status, 'fail');
    assert.equal(get(run({ region: { name: 'eu-west-1', source: 'AWS_REGION' } }, { requireRegion: true }), 'region').status, 'pass');
    assert.equal(get(run({}), 'region').status, 'skip');
  });

  it('web identity: expired token fails, malformed fails, session+token shorter than the job fails', () => {
    const w = { tokenFile: '/var/run/token', iss: 'https://token.actions.githubusercontent.com', sub: 'repo:o/r:ref:refs/heads/main', aud: ['sts.amazonaws.com'] };
    const expired = get(run({ webIdentity: { ...w, exp: inMin(-1) } }), 'web-identity');
    assert.equal(expired.status, 'fail');
    assert.match(expired.reason, /token expired 1m00s ago/);
    assert.match(expired.reason, /iss https:\/\/token.actions.githubusercontent.com/);
    assert.equal(get(run({ webIdentity: { tokenFile: '/t', error: 'not a JWT: expected 3 dot-separated parts, found 1' } }), 'web-identity').status, 'fail');
    const creds = { ...ENV_SESSION, source: 'web identity token file', refreshable: true, expiration: inMin(60) };
    const short = get(run({ credentials: creds, webIdentity: { ...w, exp: inMin(5) } }, { minTtlMs: 90 * 60_000 }), 'web-identity');
    assert.equal(short.status, 'fail');
    assert.match(short.reason, /token will be expired when it must be re-assumed/);
    assert.equal(get(run({ credentials: creds, webIdentity: { ...w, exp: inMin(5) } }, { minTtlMs: 30 * 60_000 }), 'web-identity').status, 'pass');
    assert.equal(get(run({}), 'web-identity').status, 'skip');
  });

  it('fail → error finding, warn → warning finding, with the check\'s code (preflight\'s own CC80xx, or the shared one)', () => {
    const checks = run({ credentials: ENV_SESSION, identity: OK_ID }, { minTtlMs: 3_600_000, expectAccounts: ['999999999999'] });
    const findings = runRules(RULES, { now: NOW, preflight: { inputs: { notChecked: [] }, checks } });
    // In declared priority order: the account mismatch (CC3020, shared with identity) before the TTL.
    assert.deepEqual(findings.map((f) => [f.code, f.severity]), [['CC3020', 'error'], ['CC8003', 'warning']]);
    assert.ok(findings.every((f) => f.fix.length > 20));
  });
});

describe('globMatches', () => {
  it('anchors, * crosses / and :, ? is one character, regex characters are literal', () => {
    assert.ok(globMatches('arn:aws:iam::*:user/ci-?', 'arn:aws:iam::111122223333:user/ci-1'));
    assert.ok(!globMatches('arn:aws:iam::*:user/ci-?', 'arn:aws:iam::111122223333:user/ci-12'));
    assert.ok(!globMatches('user/ci', 'arn:aws:iam::1:user/ci'));
    assert.ok(!globMatches('a.c', 'abc'));
    assert.ok(globMatches('a+(b)', 'a+(b)'));
  });
});
