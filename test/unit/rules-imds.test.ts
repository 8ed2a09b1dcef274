import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Facts } from '../../src/kernel/facts.js';
import type { ImdsFacts, ImdsStep } from '../../src/areas/imds/facts.js';
import { runRules } from '../../src/kernel/rule.js';
import { RULES } from '../../src/rules.js';

const NOW = '2026-01-01T12:00:00Z';
const ok = (name: ImdsStep['name'], ms = 5): ImdsStep => ({ name, status: 'ok', httpStatus: 200, ms });

function facts(over: Partial<ImdsFacts> = {}): Facts {
  const f: ImdsFacts = {
    config: { endpoint: 'http://169.254.169.254', endpointSource: 'mode IPv4 (default)', isDefaultEndpoint: true, disabled: false, v1Disabled: false, problems: [] },
    dmi: { verdict: 'ec2', evidence: 'sys_vendor "Amazon EC2"', root: '/' },
    reachable: true, imdsVersion: 'v2', tokensRequired: true, sdkTimeoutMs: 1000,
    steps: [ok('token'), { name: 'v1-get', status: 'http-error', httpStatus: 401, ms: 3 }, ok('role'), ok('credentials'), ok('iam-info'), ok('identity')],
    role: 'r',
    credentials: { code: 'Success', type: 'AWS-HMAC', accessKeyId: 'ASIA…ABCD', lastUpdated: '2026-01-01T11:00:00Z', expiration: '2026-01-01T18:00:00Z', hasSecret: true, hasToken: true },
    ...over,
  };
  return { now: NOW, imds: { status: 'ok', ms: 1, value: f } };
}
const codes = (fx: Facts) => runRules(RULES, fx).map((f) => `${f.code}:${f.severity}`).sort();

test('healthy, tokens required: only the CC5005 note', () => {
  assert.deepEqual(codes(facts()), ['CC5005:info']);
});

test('CC5011: 4m59s left is late rotation (warning); 5m is fine; past is an error', () => {
  const base = { code: 'Success', accessKeyId: 'ASIA…ABCD', hasSecret: true, hasToken: true };
  const at = (iso: string) => facts({ credentials: { ...base, expiration: iso } });
  assert.ok(codes(at('2026-01-01T12:04:59Z')).includes('CC5011:warning'));
  assert.ok(!codes(at('2026-01-01T12:05:00Z')).some((c) => c.startsWith('CC5011')));
  assert.ok(codes(at('2026-01-01T11:59:00Z')).includes('CC5011:error'));
});

test('CC5013: a step answered in 1001 ms is slow; 1000 ms is not', () => {
  assert.ok(codes(facts({ steps: [ok('token'), ok('role', 1001)] })).includes('CC5013:error'));
  assert.ok(!codes(facts({ steps: [ok('token'), ok('role', 1000)] })).some((c) => c.startsWith('CC5013')));
});

test('CC5017: AWS_EC2_METADATA_DISABLED while IMDS answers is an error; a bad mode too', () => {
  const f = facts();
  const v = (f.imds as { value: ImdsFacts }).value;
  v.config = { ...v.config, disabled: true, problems: ['endpoint mode "ipv6" (env AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE) is not IPv4 or IPv6: the SDK throws "Unsupported endpoint mode"'] };
  assert.deepEqual(codes(f).filter((c) => c.startsWith('CC5017')), ['CC5017:error', 'CC5017:error']);
});

test('no imds section: no CC5xxx finding', () => {
  assert.deepEqual(runRules(RULES, { now: NOW }).filter((f) => f.code.startsWith('CC5')), []);
});
