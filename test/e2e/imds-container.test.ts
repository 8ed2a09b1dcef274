/** Container credential endpoints probed as fromHttp does; the SDK agrees on success/failure. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHttp } from '@aws-sdk/credential-providers';
import { startContainer } from '../servers/container.js';
import { parseJson, runCli } from '../helpers/cli.js';
import { CANARY, assertNoSecrets } from '../helpers/home.js';

const BASE = { CREDCHECK_SYSFS_ROOT: '/nonexistent/sysfs', AWS_CONFIG_FILE: '/nonexistent/c', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/s' };
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const codes = (j: { findings: { code: string }[] }) => j.findings.map((f) => f.code).filter((c) => c.startsWith('CC501')).sort();

function tokenFile(text: string): string {
  const p = join(mkdtempSync(join(tmpdir(), 'credcheck-tok-')), 'token');
  writeFileSync(p, text);
  return p;
}

async function sdk(fullUri: string, token?: string): Promise<boolean> {
  try {
    await fromHttp({ logger: quiet, awsContainerCredentialsFullUri: fullUri, ...(token !== undefined ? { awsContainerAuthorizationToken: token } : {}), maxRetries: 0 })();
    return true;
  } catch {
    return false;
  }
}

test('EKS-style FULL_URI with the right token file: credentials, masked key, no CC5015', async () => {
  const server = await startContainer({ authToken: CANARY.token2, credentials: { secretAccessKey: CANARY.secret, token: CANARY.token } });
  try {
    const r = await runCli(['imds', '--json'], { ...BASE, AWS_CONTAINER_CREDENTIALS_FULL_URI: server.fullUri, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: tokenFile(CANARY.token2) });
    assertNoSecrets(r.stdout + r.stderr);
    const j = parseJson(r);
    assert.equal(j.container.kind, 'loopback');
    assert.equal(j.container.step.status, 'ok');
    assert.equal(j.container.credentials.accessKeyId, 'ASIA…R001');
    assert.deepEqual(codes(j), []);
    assert.equal(server.requests[0]!.authorization, CANARY.token2);
    assert.equal(await sdk(server.fullUri, CANARY.token2), true);
  } finally {
    await server.close();
  }
});

test('wrong or missing token: 401 → CC5015 naming the token; the SDK fails too', async () => {
  const server = await startContainer({ authToken: 'the-right-token' });
  try {
    const j = parseJson(await runCli(['imds', '--json'], { ...BASE, AWS_CONTAINER_CREDENTIALS_FULL_URI: server.fullUri }));
    assert.deepEqual(codes(j), ['CC5015']);
    assert.match(j.findings.find((f: { code: string }) => f.code === 'CC5015').message, /No authorization token was sent/);
    assert.equal(await sdk(server.fullUri), false);
  } finally {
    await server.close();
  }
});

test('token with CR LF: refused before any request, as fromHttp does', async () => {
  const server = await startContainer({ authToken: 'tok' });
  try {
    const j = parseJson(await runCli(['imds', '--json'], { ...BASE, AWS_CONTAINER_CREDENTIALS_FULL_URI: server.fullUri, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: tokenFile('tok\r\n') }));
    assert.deepEqual(codes(j), ['CC5015']);
    assert.match(j.container.tokenProblem, /CR LF/);
    assert.equal(server.requests.length, 0);
    assert.equal(await sdk(server.fullUri, 'tok\r\n'), false);
  } finally {
    await server.close();
  }
});

test('http host that is not allowed: CC5015 without contacting it', async () => {
  const j = parseJson(await runCli(['imds', '--json'], { ...BASE, AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://10.255.255.1/creds' }));
  assert.equal(j.container.kind, 'not-allowed');
  assert.deepEqual(codes(j), ['CC5015']);
  assert.equal(await sdk('http://10.255.255.1/creds'), false);
});

test('ECS RELATIVE_URI (host overridden for the test) with expired credentials: CC5016 error', async () => {
  const server = await startContainer({ mode: 'expired' });
  try {
    const r = await runCli(['imds', '--json'], { ...BASE, AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/credentials/test-task', CREDCHECK_ECS_CONTAINER_HOST: `127.0.0.1:${server.port}` });
    const j = parseJson(r);
    assert.equal(j.container.kind, 'ecs');
    assert.equal(j.container.source, 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI');
    assert.deepEqual(codes(j), ['CC5016']);
    assert.equal(j.findings.find((f: { code: string }) => f.code === 'CC5016').severity, 'error');
  } finally {
    await server.close();
  }
});

test('endpoint error (500) and garbage: CC5015; the SDK fails on both', async () => {
  const server = await startContainer({ mode: 'error' });
  try {
    const env = { ...BASE, AWS_CONTAINER_CREDENTIALS_FULL_URI: server.fullUri };
    assert.deepEqual(codes(parseJson(await runCli(['imds', '--json'], env))), ['CC5015']);
    assert.equal(await sdk(server.fullUri), false);
    server.setMode('garbage');
    const j = parseJson(await runCli(['imds', '--json'], env));
    assert.deepEqual(codes(j), ['CC5015']);
    assert.equal(j.container.step.status, 'invalid');
    assert.equal(await sdk(server.fullUri), false);
  } finally {
    await server.close();
  }
});
