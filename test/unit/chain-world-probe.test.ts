/**
 * wantedBy: which sources the models read that nobody answered — each address once, whichever
 * and however many SDKs need it; nothing on the network with --offline; no process unless asked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NOT_CHECKED, wantedBy } from '../../src/areas/chain/world-probe.js';
import { MODELS } from '../../src/sdk/models/index.js';
import type { World } from '../../src/sdk/models/world.js';

const world = (env: World['env'], extra: Partial<World> = {}): World => ({ env, home: '/h', files: {}, processes: {}, imds: {}, containers: {}, ...extra });

test('AWS_EC2_METADATA_DISABLED=1: botocore and Go want the endpoint, Ruby its port 80, Node and Java nothing', () => {
  const w = world({ AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.2:8080', AWS_EC2_METADATA_DISABLED: '1' });
  assert.deepEqual([...wantedBy(w, MODELS, { offline: false, runProcesses: true }).imds].sort(), ['127.0.0.2:80', '127.0.0.2:8080']);
  const only = (sdk: string) => [...wantedBy(w, MODELS.filter((m) => m.sdk === sdk), { offline: false, runProcesses: true }).imds];
  assert.deepEqual(only('js'), []);
  assert.deepEqual(only('java'), []);
  assert.deepEqual(wantedBy(w, MODELS, { offline: true, runProcesses: true }).imds.size, 0, '--offline: no network');
});

test('an answered source is not wanted again; one the JS chain did not try is', () => {
  const env = { AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.2:8080' };
  const answered = world(env, { imds: { '127.0.0.2:8080': { ok: false, error: 'no instance role (404)' }, '127.0.0.2:80': { ok: false, error: 'nothing answers' } } });
  assert.equal(wantedBy(answered, MODELS, { offline: false, runProcesses: true }).imds.size, 0);
  const untried = world(env, { imds: { '127.0.0.2:8080': NOT_CHECKED, '127.0.0.2:80': { ok: false, error: 'nothing answers' } } });
  assert.deepEqual([...wantedBy(untried, MODELS, { offline: false, runProcesses: true }).imds], ['127.0.0.2:8080']);
});

test('a credential_process only Java would run is wanted only when --sdk asked', () => {
  const w = world({ AWS_EC2_METADATA_DISABLED: 'true' }, { files: { '/h/.aws/credentials': '[default]\naws_access_key_id = AKIASTATIC0000000001\naws_secret_access_key = s\ncredential_process = /bin/helper\n' } });
  assert.deepEqual([...wantedBy(w, MODELS, { offline: true, runProcesses: true }).processes], ['/bin/helper']);
  assert.equal(wantedBy(w, MODELS, { offline: false, runProcesses: false }).processes.size, 0);
});

test('fillWanted: the default IMDS addresses are not probed when DMI says not EC2 (no connect attempted); others are', async () => {
  const { fillWanted } = await import('../../src/areas/chain/world-probe.js');
  const { guardLinkLocal } = await import('../helpers/no-link-local.js');
  const attempts: string[] = [];
  guardLinkLocal((h) => attempts.push(h));
  const qemu = Promise.resolve({ verdict: 'not-ec2' as const, evidence: 'sys_vendor "QEMU"', root: '/' });
  const wanted = { imds: new Set(['169.254.169.254:80', '[fd00:ec2::254]:80', '127.0.0.1:9']), containers: new Set<string>(), processes: new Set<string>() };
  const filled = await fillWanted(world({}), wanted, qemu);
  assert.deepEqual(attempts, []);
  for (const a of ['169.254.169.254:80', '[fd00:ec2::254]:80']) {
    const o = filled.imds[a]!;
    assert.equal(o.ok, false);
    assert.match(o.ok ? '' : o.error, /^not on EC2 per DMI \(sys_vendor "QEMU"\): not probed/);
  }
  // A loopback address someone named is probed as before (port 9: refused at once).
  const loop = filled.imds['127.0.0.1:9']!;
  assert.equal(loop.ok, false);
  assert.match(loop.ok ? '' : loop.error, /nothing answers/);
  // The guard itself is live: on EC2 the default address would be tried (and is refused here).
  const onEc2 = Promise.resolve({ verdict: 'ec2' as const, evidence: 'sys_vendor "Amazon EC2"', root: '/' });
  await fillWanted(world({}), { imds: new Set(['169.254.169.254:80']), containers: new Set(), processes: new Set() }, onEc2);
  assert.deepEqual(attempts, ['169.254.169.254']);
});

test('an IMDS endpoint named only in the config file: each model wants the address its SDK reads (env unset)', () => {
  const config = '[default]\nec2_metadata_service_endpoint = http://127.0.0.2:8080\n[profile x]\nec2_metadata_service_endpoint = http://127.0.0.3:8080\n';
  const w = world({ AWS_DEFAULT_PROFILE: 'x' }, { files: { '/h/.aws/config': config } });
  const only = (sdk: string) => [...wantedBy(w, MODELS.filter((m) => m.sdk === sdk), { offline: false, runProcesses: true }).imds];
  // JS: AWS_PROFILE || "default"; Java: aws.profile, AWS_PROFILE, "default" — neither reads AWS_DEFAULT_PROFILE.
  assert.deepEqual(only('js'), ['127.0.0.2:8080']);
  assert.deepEqual(only('java'), ['127.0.0.2:8080']);
  // botocore and Go: the session / shared-config profile; Ruby too, on port 80.
  assert.deepEqual(only('botocore'), ['127.0.0.3:8080']);
  assert.deepEqual(only('go'), ['127.0.0.3:8080']);
  assert.deepEqual(only('ruby'), ['127.0.0.3:80']);
  // The env variable wins over the file for every SDK.
  const env = world({ AWS_DEFAULT_PROFILE: 'x', AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.4:8080' }, { files: { '/h/.aws/config': config } });
  assert.deepEqual([...wantedBy(env, MODELS, { offline: false, runProcesses: true }).imds].sort(), ['127.0.0.4:80', '127.0.0.4:8080']);
});

test('isDefaultImdsUrl: the link-local default however it is spelled or named (env, config, mode); loopback is not', async () => {
  const { isDefaultImdsUrl } = await import('../../src/areas/imds/config.js');
  for (const u of ['http://169.254.169.254', 'http://169.254.169.254/', 'http://169.254.169.254:80', 'http://[fd00:ec2::254]']) assert.equal(isDefaultImdsUrl(u), true, u);
  for (const u of ['http://169.254.169.254:8080', 'http://127.0.0.1:9', 'not a url']) assert.equal(isDefaultImdsUrl(u), false, u);
});
