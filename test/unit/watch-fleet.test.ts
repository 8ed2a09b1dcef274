import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { RateLimiter, jittered } from '../../src/commands/watch/rate.js';
import { isStale } from '../../src/commands/watch/consumers.js';
import { credentialObservation } from '../../src/commands/watch/endpoint-source.js';
import { parseFileSpec } from '../../src/commands/watch/plan.js';
import { notFileKeys } from '../../src/commands/watch/profile-kind.js';
import { scrub } from '../../src/kernel/secrets.js';
import { makeHome } from '../helpers/home.js';

test('RateLimiter spaces calls by the minimum gap, whoever asks', () => {
  const r = new RateLimiter(1000);
  assert.equal(r.reserve(0), 0);
  assert.equal(r.reserve(0), 1000);
  assert.equal(r.reserve(500), 1500);
  assert.equal(r.reserve(10_000), 0);
});

test('jittered stays within ±20 %', () => {
  assert.equal(jittered(1000, () => 0), 800);
  assert.equal(jittered(1000, () => 0.5), 1000);
  assert.equal(jittered(1000, () => 0.999999), 1200);
});

test('isStale: started before the last rotation; unknown start or no rotation is not stale', () => {
  assert.equal(isStale(1000, 2000), true);
  assert.equal(isStale(3000, 2000), false);
  assert.equal(isStale(undefined, 2000), false);
  assert.equal(isStale(1000, undefined), false);
});

test('credentialObservation: keys hashed, secret kept for validation but scrubbed from any output; failures named', () => {
  const o = credentialObservation(JSON.stringify({ Code: 'Success', AccessKeyId: 'ASIAUNITTEST0001', SecretAccessKey: 'unitSecretValue0000000000', Token: 'unitTokenValue000000000000', Expiration: '2030-01-01T00:00:00Z' }), 'unit');
  assert.ok(o.ok);
  assert.equal(o.keyId, 'ASIAUNITTEST0001');
  assert.equal(o.expiration, '2030-01-01T00:00:00Z');
  assert.match(o.secretHash, /^[0-9a-f]{64}$/);
  assert.equal(scrub('x unitSecretValue0000000000 unitTokenValue000000000000'), 'x [REDACTED] [REDACTED]');
  assert.deepEqual(credentialObservation('<html>', 'unit'), { ok: false, detail: 'the answer is not JSON' });
  assert.deepEqual(credentialObservation(JSON.stringify({ Code: 'AssumeRoleUnauthorizedAccess' }), 'unit'), { ok: false, detail: 'Code AssumeRoleUnauthorizedAccess' });
});

test('parseFileSpec: PATH#PROFILE, PATH alone means default, ~/ expanded as the SDK does', () => {
  assert.deepEqual(parseFileSpec('/etc/creds#app', { HOME: '/h' }), { path: '/etc/creds', profile: 'app' });
  assert.deepEqual(parseFileSpec('~/c', { HOME: '/h' }), { path: '/h/c', profile: 'default' });
  assert.throws(() => parseFileSpec('/x#', { HOME: '/h' }), /PATH#PROFILE/);
});

test('notFileKeys names what to watch for each kind of profile, in the SDK resolution order', async () => {
  const home = makeHome({
    credentials: '[keys]\naws_access_key_id = AKIAUNITTEST00000001\naws_secret_access_key = x\n[both]\naws_access_key_id = AKIAUNITTEST00000002\naws_secret_access_key = y\n',
    config: [
      '[profile imdsrole]\nrole_arn = arn:aws:iam::1:role/r\ncredential_source = Ec2InstanceMetadata',
      '[profile both]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = keys',
      '[profile proc]\ncredential_process = /bin/get-creds',
      '[profile web]\nrole_arn = arn:aws:iam::1:role/r\nweb_identity_token_file = /var/run/token',
      '[profile legacy]\nsso_start_url = https://x.awsapps.com/start\nsso_account_id = 1\nsso_role_name = r\nsso_region = eu-west-1',
    ].join('\n\n') + '\n',
  });
  const c = join(home, '.aws', 'credentials');
  const k = join(home, '.aws', 'config');
  assert.equal(await notFileKeys(c, k, 'keys'), undefined);
  assert.equal(await notFileKeys(c, k, 'missing'), undefined);
  assert.match((await notFileKeys(c, k, 'imdsrole'))!, /watch --imds/);
  // role_arn wins over static keys in the same profile (resolveProfileData checks the role first).
  assert.match((await notFileKeys(c, k, 'both'))!, /watch --profile keys/);
  assert.match((await notFileKeys(c, k, 'proc'))!, /credential_process.*--pid or --process/);
  assert.match((await notFileKeys(c, k, 'web'))!, /web identity/);
  assert.match((await notFileKeys(c, k, 'legacy'))!, /aws sso login --profile legacy/);
});
