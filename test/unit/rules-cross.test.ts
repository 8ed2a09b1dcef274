import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Facts } from '../../src/kernel/facts.js';
import { runRules } from '../../src/kernel/rule.js';
import { RULES } from '../../src/rules.js';

/** CC6005, CC6101 and CC6103 over literal facts: each fires on its story and stays quiet beside it. */
const NOW = '2026-06-01T12:00:00.000Z';
const ok = <T>(value: T) => ({ status: 'ok' as const, ms: 0, value });
const codes = (facts: Facts) => runRules(RULES, facts).map((f) => f.code);

const proc = (home: string, path: string, extra: Record<string, unknown> = {}) => ({
  pid: 4242, status: 'ok', user: 'svc', uid: 998, home, env: [], envReadable: true, patterns: [],
  files: [{ kind: 'credentials', path, source: 'default (home from HOME)', exists: true }], ...extra,
});
const files = (credentials: string) => ({ credentials: { path: credentials }, config: { path: '/home/me/.aws/config' }, profiles: [] });

test('CC6005: the process reads another credentials file than this shell; not when it is the same file or it uses env keys', () => {
  const mine = files('/home/me/.aws/credentials');
  const other = proc('/var/lib/svc', '/var/lib/svc/.aws/credentials');
  const hit = runRules(RULES, { now: NOW, files: ok(mine) as never, processes: ok({ processes: [other] }) as never }).find((f) => f.code === 'CC6005');
  assert.ok(hit);
  assert.match(hit.message, /\/var\/lib\/svc\/\.aws\/credentials.*\/home\/me\/\.aws\/credentials/);
  assert.ok(!codes({ now: NOW, files: ok(mine) as never, processes: ok({ processes: [proc('/home/me', '/home/me/.aws/credentials')] }) as never }).includes('CC6005'));
  const envKeys = proc('/var/lib/svc', '/var/lib/svc/.aws/credentials', { env: [{ name: 'AWS_ACCESS_KEY_ID', value: 'AKIA…0001', secret: false }, { name: 'AWS_SECRET_ACCESS_KEY', value: '(set, 40 chars)', secret: true }] });
  assert.ok(!codes({ now: NOW, files: ok(mine) as never, processes: ok({ processes: [envKeys] }) as never }).includes('CC6005'));
  // Without this shell's file facts the rule is not run at all (it reads processes and files).
  assert.ok(!codes({ now: NOW, processes: ok({ processes: [other] }) as never }).includes('CC6005'));
});

const rejected = (code: string, clockOffsetMs?: number) => ({ ok: false, error: { kind: 'sts', code, message: code }, ...(clockOffsetMs !== undefined ? { clockOffsetMs } : {}) });

test('CC6101: STS rejects on time while the clock is off; not with a good clock or a non-time error', () => {
  const behind = { offsetMs: -600_000, uncertaintyMs: 20, references: [] };
  const hit = runRules(RULES, { now: NOW, identity: ok(rejected('ExpiredToken')) as never, clock: ok(behind) as never }).find((f) => f.code === 'CC6101');
  assert.ok(hit);
  assert.match(hit.message, /10m0?0?s? behind AWS|10m behind AWS/);
  // Identity's own Date-header reading (local − AWS, like the clock's) is used when the clock area did not run.
  assert.ok(codes({ now: NOW, identity: ok(rejected('SignatureDoesNotMatch', -400_000)) as never }).includes('CC6101'));
  assert.ok(!codes({ now: NOW, identity: ok(rejected('ExpiredToken')) as never, clock: ok({ offsetMs: 300, uncertaintyMs: 20, references: [] }) as never }).includes('CC6101'));
  assert.ok(!codes({ now: NOW, identity: ok(rejected('AccessDenied')) as never, clock: ok(behind) as never }).includes('CC6101'));
});

test('CC6103: keys expire before the SSM agent\'s next rotation; not when the rotation comes first', () => {
  const active = (expiration: string, nextRotation: string) => ok({ active: { source: 'ini', kind: 'static', accessKeyId: 'ASIA…0001', keyType: 'temporary', expiration, file: '/root/.aws/credentials', ssm: { path: '/x/identity_config.json', nextRotation } }, links: [] });
  const hit = runRules(RULES, { now: NOW, chain: active('2026-06-01T12:30:00Z', '2026-06-01T13:00:00Z') as never }).find((f) => f.code === 'CC6103');
  assert.ok(hit);
  assert.match(hit.message, /for 30m/);
  assert.ok(!codes({ now: NOW, chain: active('2026-06-01T13:30:00Z', '2026-06-01T13:00:00Z') as never }).includes('CC6103'));
});

test('CC6006: a process with a runtime reading says what runs in it; none without one', () => {
  const bare = proc('/home/me', '/home/me/.aws/credentials');
  const withRuntime = { ...bare, runtime: { runtime: 'unknown', lookedAt: ['/proc/4242/maps'], evidence: [] } };
  const hit = runRules(RULES, { now: NOW, processes: ok({ processes: [withRuntime] }) as never }).find((f) => f.code === 'CC6006');
  assert.ok(hit);
  assert.match(hit.message, /runtime not recognised/);
  assert.ok(!codes({ now: NOW, processes: ok({ processes: [bare] }) as never }).includes('CC6006'));
});
