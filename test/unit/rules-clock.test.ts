import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Facts } from '../../src/kernel/facts.js';
import type { ClockFacts, ClockReference } from '../../src/areas/clock/facts.js';
import { runRules } from '../../src/kernel/rule.js';
import { RULES } from '../../src/rules.js';

function facts(partial: Partial<ClockFacts>): Facts {
  const value: ClockFacts = { references: [], ntpServers: ['ntp'], ntpAllSilent: false, onEc2: false, ...partial };
  return { now: '2026-01-01T00:00:00Z', clock: { status: 'ok', ms: 1, value } };
}
const codes = (f: Facts) => runRules(RULES, f).map((x) => `${x.code}:${x.severity}`);
const ntp = (offsetMs: number, uncertaintyMs = 5): ClockReference => ({ name: 'NTP x', kind: 'ntp', server: 'x', offsetMs, delayMs: uncertaintyMs * 2, uncertaintyMs });
const aws = (offsetMs: number, uncertaintyMs = 50): ClockReference => ({ name: 'AWS Date header', kind: 'aws-date', server: 'http://sts', offsetMs, uncertaintyMs });

test('CC4001 severity follows the thresholds, on the offset net of its uncertainty', () => {
  assert.deepEqual(codes(facts({ offsetMs: 500, uncertaintyMs: 5, basis: 'NTP x' })), []);
  assert.deepEqual(codes(facts({ offsetMs: -1500, uncertaintyMs: 5, basis: 'NTP x' })), ['CC4001:info']);
  assert.deepEqual(codes(facts({ offsetMs: 1200, uncertaintyMs: 500, basis: 'AWS' })), []);
  assert.deepEqual(codes(facts({ offsetMs: -90_000, uncertaintyMs: 5, basis: 'NTP x' })), ['CC4001:warning']);
  const f = runRules(RULES, facts({ offsetMs: -252_000, uncertaintyMs: 5, basis: 'NTP x' }));
  assert.equal(f[0]!.severity, 'error');
  assert.match(f[0]!.message, /4m12s behind/);
});

test('CC4002 fires only when NTP and AWS disagree beyond their uncertainty', () => {
  assert.deepEqual(codes(facts({ offsetMs: 10, uncertaintyMs: 5, basis: 'NTP x', references: [ntp(10), aws(200)] })), []);
  assert.deepEqual(codes(facts({ offsetMs: 10, uncertaintyMs: 5, basis: 'NTP x', references: [ntp(10), aws(3000)] })), ['CC4002:warning']);
});

test('CC4003 when nothing answered (mentioning blocked NTP); CC4004 when only NTP is silent', () => {
  const none = runRules(RULES, facts({ ntpAllSilent: true, references: [{ ...ntp(0), offsetMs: undefined, error: { kind: 'timeout', message: 't' } }] }));
  assert.deepEqual(none.map((x) => x.code), ['CC4003']);
  assert.match(none[0]!.message, /UDP port 123 looks blocked/);
  assert.deepEqual(codes(facts({ ntpAllSilent: true, offsetMs: 20, uncertaintyMs: 40, basis: 'AWS Date header', references: [aws(20)] })), ['CC4004:info']);
});

test('CC4005 names kiss-o\'-death and unsynchronised servers; no clock section → no clock finding', () => {
  const kod: ClockReference = { name: 'NTP k', kind: 'ntp', server: 'k', kissCode: 'RATE', error: { kind: 'kiss-of-death', message: "kiss-o'-death RATE" } };
  assert.deepEqual(codes(facts({ offsetMs: 1, uncertaintyMs: 1, basis: 'NTP x', references: [ntp(1), kod] })), ['CC4005:info']);
  assert.deepEqual(runRules(RULES, { now: '2026-01-01T00:00:00Z' }).filter((x) => x.code.startsWith('CC4')), []);
});
