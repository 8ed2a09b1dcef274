/**
 * Proves the loopback IMDS and container servers faithful: the SDK's own providers
 * (fromInstanceMetadata, fromContainerMetadata, fromHttp) behave against them as they do on EC2/ECS.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { fromInstanceMetadata, fromContainerMetadata, fromHttp } from '@aws-sdk/credential-providers';
import { startImds, type ImdsMode } from './imds.js';
import { startContainer } from './container.js';

const warnings: string[] = [];
const logger = { debug() {}, info() {}, warn: (...a: unknown[]) => void warnings.push(a.map(String).join(' ')), error() {} };

const ENV_KEYS = [
  'AWS_EC2_METADATA_SERVICE_ENDPOINT', 'AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE', 'AWS_EC2_METADATA_V1_DISABLED',
  'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE', 'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_AUTHORIZATION_TOKEN', 'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE',
];
const saved: Record<string, string | undefined> = {};
before(() => {
  for (const k of ENV_KEYS) {
    saved[k] = process.env[k];
    delete process.env[k];
  }
  // The SDK also reads ~/.aws/config for these settings: make sure it reads nothing.
  process.env.AWS_CONFIG_FILE = '/nonexistent/credcheck-config';
  process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/credcheck-credentials';
});
after(() => {
  for (const k of ENV_KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

async function sdkAgainst(mode: ImdsMode, env: Record<string, string> = {}, extra: Parameters<typeof startImds>[0] = {}) {
  const server = await startImds({ mode, slowMs: 1500, ...extra });
  process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = server.url;
  for (const [k, v] of Object.entries(env)) process.env[k] = v;
  try {
    const creds = await fromInstanceMetadata({ logger })();
    return { ok: true as const, creds, server };
  } catch (error) {
    return { ok: false as const, error: error as Error & { statusCode?: number }, server };
  } finally {
    for (const k of Object.keys(env)) delete process.env[k];
    await server.close();
  }
}

test('v2: token PUT with TTL 21600, then tokened GETs, credentials returned', async () => {
  const r = await sdkAgainst('v2');
  assert.ok(r.ok);
  assert.equal(r.creds.accessKeyId, 'ASIATESTIMDSKEY0000');
  assert.deepEqual(r.server.requests[0], { method: 'PUT', path: '/latest/api/token', token: false, ttl: '21600' });
  assert.ok(r.server.requests.slice(1).every((q) => q.method === 'GET' && q.token));
});

test('v2-required: the SDK succeeds (it always uses a token when it can get one)', async () => {
  const r = await sdkAgainst('v2-required');
  assert.ok(r.ok);
});

test('v2-required refuses tokenless GETs with 401', async () => {
  const server = await startImds({ mode: 'v2-required' });
  const res = await fetch(server.url + '/latest/meta-data/iam/security-credentials/');
  assert.equal(res.status, 401);
  await server.close();
});

for (const mode of ['v1-only', 'v1-only-404', 'v1-only-405'] as const) {
  test(`${mode}: the SDK falls back to IMDSv1 GETs and succeeds`, async () => {
    const r = await sdkAgainst(mode);
    assert.ok(r.ok);
    assert.ok(r.server.requests.slice(1).every((q) => q.method === 'GET' && !q.token));
  });
  test(`${mode} with AWS_EC2_METADATA_V1_DISABLED=true: the SDK refuses to fall back`, async () => {
    const r = await sdkAgainst(mode, { AWS_EC2_METADATA_V1_DISABLED: 'true' });
    assert.ok(!r.ok);
    assert.match(r.error.message, /v1 fallback has been blocked/);
  });
}

test('hop-limit: the PUT times out (1 s) and the SDK falls back to v1 GETs', async () => {
  const start = Date.now();
  const r = await sdkAgainst('hop-limit');
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.ok(Date.now() - start >= 900, 'the PUT should have waited for the SDK timeout');
  assert.ok(Date.now() - start < 5000, 'did not hang');
});

test('hop-limit with v1 disabled: the SDK fails', async () => {
  const r = await sdkAgainst('hop-limit', { AWS_EC2_METADATA_V1_DISABLED: 'true' });
  assert.ok(!r.ok);
});

test('no-role: 404 on the role list, the SDK fails', async () => {
  const r = await sdkAgainst('no-role');
  assert.ok(!r.ok);
  assert.equal(r.error.statusCode, 404);
});

test('throttled: 429, the SDK fails (0 retries)', async () => {
  const r = await sdkAgainst('throttled');
  assert.ok(!r.ok);
  assert.equal(r.error.statusCode, 429);
});

test('unauthorized: Code AssumeRoleUnauthorizedAccess has no keys, the SDK says invalid response', async () => {
  const r = await sdkAgainst('unauthorized');
  assert.ok(!r.ok);
  assert.match(r.error.message, /Invalid response/);
});

test('expiring: the SDK returns credentials that expire in under 5 minutes', async () => {
  const r = await sdkAgainst('expiring');
  assert.ok(r.ok);
  const left = r.creds.expiration!.getTime() - Date.now();
  assert.ok(left > 0 && left < 5 * 60_000);
});

test('expired: the SDK extends them (static stability) and warns', async () => {
  warnings.length = 0;
  const r = await sdkAgainst('expired');
  assert.ok(r.ok);
  assert.ok(r.creds.expiration!.getTime() > Date.now());
  assert.ok(warnings.some((w) => /credential expiration extension/.test(w)));
});

test('rotation: a later fetch sees a new key id', async () => {
  const server = await startImds({ mode: 'rotation', rotateEveryMs: 150 });
  process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = server.url;
  const a = await fromInstanceMetadata({ logger })();
  await new Promise((r) => setTimeout(r, 350));
  const b = await fromInstanceMetadata({ logger })();
  await server.close();
  assert.notEqual(a.accessKeyId, b.accessKeyId);
  assert.ok(server.rotations >= 2);
});

test('slow (1.5 s per answer): the SDK times out at 1 s and fails', async () => {
  const r = await sdkAgainst('slow');
  assert.ok(!r.ok);
});

test('garbage: non-JSON credentials body, the SDK fails', async () => {
  const r = await sdkAgainst('garbage');
  assert.ok(!r.ok);
});

test('disabled: 403 everywhere, the SDK fails', async () => {
  const r = await sdkAgainst('disabled');
  assert.ok(!r.ok);
  assert.equal(r.error.statusCode, 403);
});

test('blackhole: the SDK fails after its timeouts', async () => {
  const r = await sdkAgainst('blackhole');
  assert.ok(!r.ok);
});

test('iam/info and the identity document answer', async () => {
  const server = await startImds({ region: 'ap-south-1' });
  const info = await (await fetch(server.url + '/latest/meta-data/iam/info')).json();
  const doc = await (await fetch(server.url + '/latest/dynamic/instance-identity/document')).json();
  await server.close();
  assert.match(info.InstanceProfileArn, /^arn:aws:iam::123456789012:instance-profile\//);
  assert.equal(doc.region, 'ap-south-1');
  assert.equal(doc.instanceId, 'i-0123456789abcdef0');
});

test('container: fromHttp sends the token from AWS_CONTAINER_AUTHORIZATION_TOKEN and gets credentials', async () => {
  const server = await startContainer({ authToken: 'pod-identity-token-abc' });
  try {
    process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = server.fullUri;
    process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN = 'pod-identity-token-abc';
    const creds = await fromHttp({ logger })();
    assert.equal(creds.accessKeyId, 'ASIATESTCONTAINER001');
    assert.equal(server.requests[0].authorization, 'pod-identity-token-abc');
  } finally {
    delete process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
    delete process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN;
    await server.close();
  }
});

test('container: a wrong token gets 401 and fromHttp fails', async () => {
  const server = await startContainer({ authToken: 'right' });
  try {
    const p = fromHttp({ logger, awsContainerCredentialsFullUri: server.fullUri, awsContainerAuthorizationToken: 'wrong', maxRetries: 0 });
    await assert.rejects(p());
  } finally {
    await server.close();
  }
});

test('container: fromHttp rejects a token with CR LF before sending', async () => {
  const server = await startContainer({ authToken: 'right' });
  try {
    const p = fromHttp({ logger, awsContainerCredentialsFullUri: server.fullUri, awsContainerAuthorizationToken: 'a\r\nb', maxRetries: 0 });
    await assert.rejects(p(), /invalid \\r\\n/);
    assert.equal(server.requests.length, 0);
  } finally {
    await server.close();
  }
});

test('container: fromContainerMetadata (loopback FULL_URI, no auth) gets credentials', async () => {
  const server = await startContainer();
  try {
    process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = server.fullUri;
    const creds = await fromContainerMetadata({})();
    assert.equal(creds.accessKeyId, 'ASIATESTCONTAINER001');
    assert.equal(server.requests[0].authorization, undefined);
  } finally {
    delete process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
    await server.close();
  }
});

test('container: expired and error modes', async () => {
  const server = await startContainer({ mode: 'error' });
  try {
    await assert.rejects(fromHttp({ logger, awsContainerCredentialsFullUri: server.fullUri, maxRetries: 0 })());
    server.setMode('expired');
    const creds = await fromHttp({ logger, awsContainerCredentialsFullUri: server.fullUri, maxRetries: 0 })();
    assert.ok(creds.expiration!.getTime() < Date.now());
  } finally {
    await server.close();
  }
});
