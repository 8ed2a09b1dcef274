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
