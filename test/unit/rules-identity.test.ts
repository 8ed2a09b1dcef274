import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Facts } from '../../src/kernel/facts.js';
import { runRules } from '../../src/kernel/rule.js';
import type { IdentityFacts } from '../../src/areas/identity/facts.js';
import { RULES } from '../../src/rules.js';

const NOW = '2026-11-22T12:00:00.000Z';
const base: IdentityFacts = {
  profile: 'default', region: 'us-east-1', regionSource: 'AWS_REGION', regionWhy: 'AWS_REGION',
  endpoint: 'https://sts.us-east-1.amazonaws.com', endpointSource: 'regional default', providerGiven: false,
  credentials: { keyId: 'AKIA…0001', keyType: 'long-term', hasSessionToken: false, secretLooksPasted: false, source: 'environment variables', featureFlags: ['CREDENTIALS_ENV_VARS'] },
  ok: true, clockSkewCorrected: false,
  caller: { account: '111122223333', arn: 'arn:aws:iam::111122223333:user/alice', userId: 'AIDA', principalType: 'iam-user', userName: 'alice' },
};
const codes = (f: Partial<IdentityFacts>) => {
  const facts: Facts = { now: NOW, identity: { status: 'ok', ms: 1, value: { ...base, ...f } } };
  return runRules(RULES, facts).map((x) => x.code);
};
const fail = (error: IdentityFacts['error'], more: Partial<IdentityFacts> = {}) => codes({ ok: false, caller: undefined, error, ...more });

describe('identity rules', () => {
  it('a healthy caller yields nothing; absent identity facts yield nothing', () => {
    assert.deepEqual(codes({}), []);
    assert.deepEqual(runRules(RULES, { now: NOW }).filter((f) => f.code.startsWith('CC30')), []);
  });
  it('root, skew, proxy, expectations, region', () => {
    assert.deepEqual(codes({ caller: { ...base.caller!, arn: 'arn:aws:iam::1:root', principalType: 'root' } }), ['CC3017']);
    assert.deepEqual(codes({ clockSkewCorrected: true, clockOffsetMs: -600_000, sdkClockOffsetMs: -600_000 }), ['CC3018']);
    assert.deepEqual(codes({ clockOffsetMs: -60_000 }), []);
    assert.deepEqual(codes({ proxy: { url: 'http://p:1', variable: 'HTTPS_PROXY' } }), ['CC3019']);
    assert.deepEqual(codes({ expect: { account: '111122223333', arn: 'arn:aws:iam::*:user/a*' } }), []);
    assert.deepEqual(codes({ expect: { account: '999999999999', arn: 'arn:aws:iam::*:user/bob' } }), ['CC3020', 'CC3021']);
    assert.deepEqual(codes({ regionSource: 'fallback' }), ['CC3022']);
    assert.deepEqual(codes({ ignoredDefaultRegion: 'eu-west-3' }), ['CC3023']);
    assert.deepEqual(codes({ ignoredDefaultRegion: 'us-east-1' }), []);
  });
  it('CC3024: a selected profile that did not supply the credentials is named, with the command that shows why', () => {
    const fromImds = { ...base.credentials!, source: 'IMDS', featureFlags: ['CREDENTIALS_IMDS'] };
    const found = runRules(RULES, { now: NOW, identity: { status: 'ok', ms: 1, value: { ...base, profile: 'proc', credentials: fromImds, profileNotUsed: true } } });
    assert.deepEqual(found.map((f) => f.code), ['CC3024']);
    assert.match(found[0]!.message, /Profile "proc" was selected, but the credentials STS saw came from IMDS/);
    assert.match(found[0]!.fix, /credcheck chain --profile proc/);
    assert.deepEqual(codes({ profile: 'proc', credentials: fromImds }), []);
  });
  it('each failure gets exactly one diagnosis', () => {
    const sts = (code: string, message = 'm', httpStatus = 403) => ({ kind: 'sts' as const, code, message, httpStatus });
    const temp = { ...base.credentials!, keyType: 'temporary' as const, hasSessionToken: true };
    assert.deepEqual(fail(sts('ExpiredToken')), ['CC3001']);
    assert.deepEqual(fail(sts('InvalidClientTokenId')), ['CC3002']);
    assert.deepEqual(fail(sts('InvalidClientTokenId'), { credentials: { ...temp, hasSessionToken: false } }), ['CC3003']);
    assert.deepEqual(fail(sts('InvalidClientTokenId'), { credentials: temp, region: 'me-south-1' }), ['CC3004']);
    assert.deepEqual(fail(sts('InvalidClientTokenId'), { credentials: temp, region: 'eu-west-1' }), ['CC3002']);
    assert.deepEqual(fail(sts('SignatureDoesNotMatch', 'The request signature we calculated does not match')), ['CC3005']);
    assert.deepEqual(fail(sts('SignatureDoesNotMatch', 'Signature expired: 20261122T115000Z is now earlier than 20261122T115500Z (20261122T120000Z - 5 min.)')), ['CC3006']);
    assert.deepEqual(fail(sts('RequestTimeTooSkewed')), ['CC3006']);
    assert.deepEqual(fail(sts('RegionDisabledException')), ['CC3007']);
    assert.deepEqual(fail(sts('Throttling', 'Rate exceeded', 400)), ['CC3008']);
    assert.deepEqual(fail(sts('InternalFailure', 'x', 500)), ['CC3009']);
    assert.deepEqual(fail({ kind: 'dns', code: 'ENOTFOUND', message: 'x' }), ['CC3010']);
    assert.deepEqual(fail({ kind: 'refused', code: 'ECONNREFUSED', message: 'x' }), ['CC3011']);
    assert.deepEqual(fail({ kind: 'timeout', message: 'x' }), ['CC3012']);
    assert.deepEqual(fail({ kind: 'tls', code: 'SELF_SIGNED_CERT_IN_CHAIN', message: 'x' }), ['CC3013']);
    assert.deepEqual(fail({ kind: 'refused', code: 'ECONNREFUSED', message: 'x' }, { proxy: { url: 'http://p:1', variable: 'HTTPS_PROXY' } }), ['CC3014']);
    // Once the proxy answered CONNECT 200, a later failure is beyond it.
    assert.deepEqual(fail({ kind: 'reset', code: 'ECONNRESET', message: 'x', proxyAnswered: true }, { proxy: { url: 'http://p:1', variable: 'HTTPS_PROXY' } }), ['CC3011']);
    assert.deepEqual(fail(undefined, { credentialsError: 'Could not load credentials from any providers' }), ['CC3015']);
    assert.deepEqual(fail({ kind: 'http', code: '502', message: 'x', httpStatus: 418 }), ['CC3016']);
  });
  it('expired-token diagnosis compares the recorded expiry with facts.now', () => {
    const facts: Facts = { now: NOW, identity: { status: 'ok', ms: 1, value: { ...base, ok: false, caller: undefined, error: { kind: 'sts', code: 'ExpiredToken', message: 'm' }, credentials: { ...base.credentials!, expiration: '2026-11-22T13:00:00.000Z' } } } };
    const f = runRules(RULES, facts).find((x) => x.code === 'CC3001')!;
    assert.match(f.message, /still in the future by this host's clock/);
  });
});
