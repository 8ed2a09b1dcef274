import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClockReference } from '../../src/areas/clock/facts.js';
import { arbitrate } from '../../src/areas/clock/arbitrate.js';
import { runRules } from '../../src/kernel/rule.js';
import { RULES } from '../../src/rules.js';

const ntp = (server: string, offsetMs: number, uncertaintyMs = 2): ClockReference => ({ name: `NTP ${server}`, kind: 'ntp', server, offsetMs, uncertaintyMs });
const aws = (offsetMs: number): ClockReference => ({ name: 'AWS Date header', kind: 'aws-date', server: 'http://sts', offsetMs, uncertaintyMs: 1200 });

test('AWS judges: an NTP server 5 min off is the wrong one, and the host is read from AWS', () => {
  const v = arbitrate([ntp('a', -300_000), aws(400)]);
  assert.equal(v.judge, 'aws-date');
  assert.equal(v.basis?.kind, 'aws-date');
  assert.equal(v.wrong.length, 1);
  assert.equal(v.wrong[0]!.ref.server, 'a');
  assert.ok(v.wrong[0]!.offByMs > 299_000, 'the server runs fast');
});

test('an NTP server agreeing with AWS refines the estimate', () => {
  const v = arbitrate([ntp('a', -600_000), aws(-600_500)]);
  assert.equal(v.basis?.server, 'a');
  assert.deepEqual(v.wrong, []);
});

test('without AWS, the references that agree outvote the one that does not; two that disagree decide nothing', () => {
  const v = arbitrate([ntp('a', 3), ntp('b', 480_000), ntp('c', 5)]);
  assert.equal(v.judge, 'agreement');
  assert.deepEqual(v.wrong.map((w) => w.ref.server), ['b']);
  assert.deepEqual(arbitrate([ntp('a', 3), ntp('b', 480_000)]).wrong, []);
});

test('CC4002 names the wrong server and never advises stepping a clock that agrees with AWS', () => {
  const refs = [ntp('10.0.0.5:123', -300_000), aws(300)];
  const findings = runRules(RULES, { now: '2026-01-01T00:00:00Z', clock: { status: 'ok', ms: 1, value: { references: refs, offsetMs: 300, uncertaintyMs: 1200, basis: 'AWS Date header', ntpServers: ['10.0.0.5:123'], ntpAllSilent: false, onEc2: false } } });
  assert.deepEqual(findings.map((f) => f.code), ['CC4002']);
  assert.match(findings[0]!.message, /10\.0\.0\.5:123 is wrong: it runs 5m00s fast/);
  assert.match(findings[0]!.fix, /Do not step this clock/);
  assert.doesNotMatch(findings[0]!.fix, /makestep/);
});
