import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRules } from '../../src/kernel/rule.js';
import type { Facts } from '../../src/kernel/facts.js';
import type { ChainFacts, ChainLink } from '../../src/areas/chain/facts.js';
import CC2001 from '../../src/areas/chain/rules/CC2001-aws-profile-skips-env-keys.js';
import CC2002 from '../../src/areas/chain/rules/CC2002-exported-temporary-keys.js';
import CC2003 from '../../src/areas/chain/rules/CC2003-shadows-instance-role.js';
import CC2004 from '../../src/areas/chain/rules/CC2004-active-credentials-expiring.js';
import CC2005 from '../../src/areas/chain/rules/CC2005-link-failed-silently.js';
import CC2006 from '../../src/areas/chain/rules/CC2006-no-credentials.js';
import CC2099 from '../../src/areas/chain/rules/CC2099-chain-model-disagrees.js';

const NOW = '2026-01-01T12:00:00.000Z';
const L = (source: ChainLink['source'], status: ChainLink['status'], extra: Partial<ChainLink> = {}): ChainLink => ({ source, status, ms: 0, ...extra });

function chain(over: Partial<ChainFacts> = {}): ChainFacts {
  return {
    sdkVersions: { '@aws-sdk/credential-provider-node': '3.0.0' },
    profile: { name: 'default', source: 'default' },
    envKeys: { set: false, sessionToken: false },
    stsEndpoint: 'x',
    offline: false,
    links: [L('env', 'not-configured'), L('sso', 'skipped'), L('ini', 'active', { kind: 'static', profile: 'default' }), L('process', 'not-configured'), L('token-file', 'not-configured'), L('container', 'not-configured'), L('imds', 'failed', { reason: 'refused' })],
    active: { source: 'ini', kind: 'static', profile: 'default', accessKeyId: 'AKIA…0001', keyType: 'long-term', expiration: null, expirationSource: null, refreshable: false, refreshNote: 'never' },
    crossCheck: { status: 'agree' },
    notVerified: [],
    refreshableProfiles: [],
    sdkWarnings: [],
    ...over,
  };
}
const facts = (c: ChainFacts): Facts => ({ now: NOW, chain: { status: 'ok', ms: 1, value: c } });

test('CC2001: AWS_PROFILE with env keys, not without', () => {
  const links = chain().links.map((l) => (l.source === 'env' ? L('env', 'skipped') : l));
  assert.equal(CC2001.check(facts(chain({ awsProfileEnv: 'dev', envKeys: { set: true, sessionToken: false, accessKeyId: 'AKIA…0002' }, links }))).length, 1);
  assert.match(CC2001.check(facts(chain({ awsProfileEnv: 'dev', envKeys: { set: true, sessionToken: false, accessKeyId: 'AKIA…0002' }, links })))[0]!.message, /AWS CLI and boto3/);
  assert.equal(CC2001.check(facts(chain({ awsProfileEnv: 'dev', links }))).length, 0);
  // Without chain facts the runner does not call the rule at all (it reads ['chain']).
  assert.equal(runRules([CC2001], { now: NOW }).length, 0);
});

test('CC2002: temporary env keys with a refreshing profile around', () => {
  const active = { ...chain().active!, source: 'env' as const, keyType: 'temporary' as const };
  assert.equal(CC2002.check(facts(chain({ active, refreshableProfiles: ['deploy'] }))).length, 1);
  assert.equal(CC2002.check(facts(chain({ active, refreshableProfiles: [] }))).length, 0);
  assert.equal(CC2002.check(facts(chain({ active: { ...active, keyType: 'long-term' }, refreshableProfiles: ['deploy'] }))).length, 0);
});

test('CC2003: shadowed IMDS or container only', () => {
  const links = chain().links.map((l) => (l.source === 'imds' ? L('imds', 'shadowed', { accessKeyId: 'ASIA…0003' }) : l));
  assert.equal(CC2003.check(facts(chain({ links }))).length, 1);
  assert.equal(CC2003.check(facts(chain())).length, 0);
});

test('CC2004: expired is an error, expiring-but-refreshable a warning, far expiry nothing', () => {
  const base = chain().active!;
  const at = (ms: number, refreshable = false) => facts(chain({ active: { ...base, expiration: new Date(Date.parse(NOW) + ms).toISOString(), expirationSource: 'x', refreshable } }));
  assert.equal(CC2004.check(at(-60_000))[0]!.severity, 'error');
  assert.equal(CC2004.check(at(10 * 60_000, true))[0]!.severity, 'warning');
  assert.equal(CC2004.check(at(10 * 60_000, false))[0]!.severity, 'error');
  assert.equal(CC2004.check(at(16 * 60_000)).length, 0);
  assert.equal(CC2004.check(facts(chain())).length, 0);
});

test('CC2005: failures before the winner; hard stops are errors; one finding per reason', () => {
  const links = [L('env', 'not-configured'), L('sso', 'skipped'), L('ini', 'failed', { reason: 'exit 3', kind: 'process', profile: 'p' }), L('process', 'failed', { reason: 'exit 3' }), L('token-file', 'not-configured'), L('container', 'not-configured'), L('imds', 'active')];
  const hits = CC2005.check(facts(chain({ links })));
  assert.equal(hits.length, 1);
  assert.equal(hits[0]!.severity, 'warning');
  const hard = links.map((l) => (l.source === 'ini' ? { ...l, hardStop: true } : l));
  assert.equal(CC2005.check(facts(chain({ links: hard, active: null })))[0]!.severity, 'error');
  assert.equal(CC2005.check(facts(chain())).length, 0, 'a failing IMDS after the winner is not a finding');
});

test('CC2006: an error when nothing won; offline only a warning, and silent while a local link went untried', () => {
  assert.equal(CC2006.check(facts(chain({ active: null })))[0]?.severity, undefined);
  const remoteOnly = chain({ active: null, notVerified: ['IMDS was not called (--offline)'], links: [{ source: 'env', status: 'not-configured', ms: 0 }, { source: 'imds', status: 'skipped', reason: '--offline', ms: 0 }] });
  assert.equal(CC2006.check(facts(remoteOnly))[0]?.severity, 'warning');
  const localUntried = chain({ active: null, notVerified: ['profile deploy needs STS'], links: [{ source: 'ini', status: 'skipped', reason: '--offline', ms: 0 }] });
  assert.equal(CC2006.check(facts(localUntried)).length, 0);
  assert.equal(CC2006.check(facts(chain())).length, 0);
});

test('CC2006: IMDS left alone off EC2 (DMI) is still "no credentials", an error, and the fix is a source, not a role', () => {
  const reason = 'not on EC2 per DMI (sys_vendor "QEMU"): not probed; off EC2 the SDK\'s request to 169.254.169.254 can only time out (1 s token PUT, then 1 s IMDSv1 GET)';
  const off = chain({ active: null, links: [L('env', 'not-configured'), L('ini', 'not-configured'), L('imds', 'skipped', { reason, offEc2: true })] });
  const [f] = CC2006.check(facts(off));
  assert.equal(f?.severity, undefined, 'an error (the rule default), not the --offline warning');
  assert.match(f!.message, /sys_vendor "QEMU"/);
  assert.match(f!.fix!, /AWS_ACCESS_KEY_ID/);
  assert.doesNotMatch(f!.fix!, /attach an instance/);
  assert.match(f!.fix!, /not EC2/);
  // On EC2 (or DMI unknown) a role is still a fix.
  assert.match(CC2006.check(facts(chain({ active: null })))[0]!.fix!, /attach an instance\/task role/);
});

test('CC2099: only on disagreement', () => {
  assert.equal(CC2099.check(facts(chain({ crossCheck: { status: 'disagree', sdkAccessKeyId: 'AKIA…9999' } }))).length, 1);
  assert.equal(CC2099.check(facts(chain({ crossCheck: { status: 'unverified' } }))).length, 0);
});
