/**
 * Every loopback IMDS mode → its own diagnosis (set of finding codes) and fix, and the SDK's own
 * fromInstanceMetadata agrees: it fails exactly when credcheck reports an error other than
 * expiry (expired instance credentials are extended by the SDK, not refused).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { fromInstanceMetadata } from '@aws-sdk/credential-providers';
import { startImds, type ImdsMode, type ImdsOptions } from '../servers/imds.js';
import { parseJson, runCli } from '../helpers/cli.js';
import { CANARY, assertNoSecrets } from '../helpers/home.js';

const BASE_ENV = { CREDCHECK_SYSFS_ROOT: '/nonexistent/sysfs', AWS_CONFIG_FILE: '/nonexistent/c', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/s' };
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

before(() => {
  process.env.AWS_CONFIG_FILE = '/nonexistent/c';
  process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/s';
  delete process.env.AWS_EC2_METADATA_V1_DISABLED;
  delete process.env.AWS_PROFILE;
});
after(() => {
  delete process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT;
});

interface Case {
  mode: ImdsMode;
  env?: Record<string, string>;
  codes: string[];
  fix: RegExp;
  sdkOk: boolean;
  opts?: ImdsOptions;
}

const CASES: Case[] = [
  { mode: 'v2', codes: ['CC5006'], fix: /--http-tokens required/, sdkOk: true },
  { mode: 'v2-required', codes: ['CC5005'], fix: /Upgrade/, sdkOk: true },
  { mode: 'v1-only', codes: ['CC5004'], fix: /NO_PROXY=169\.254\.169\.254/, sdkOk: true },
  { mode: 'v1-only', env: { AWS_EC2_METADATA_V1_DISABLED: 'true' }, codes: ['CC5003', 'CC5004'], fix: /unset AWS_EC2_METADATA_V1_DISABLED/, sdkOk: false },
  { mode: 'hop-limit', codes: ['CC5002'], fix: /--http-put-response-hop-limit 2/, sdkOk: true },
  { mode: 'hop-limit', env: { AWS_EC2_METADATA_V1_DISABLED: 'true' }, codes: ['CC5002', 'CC5003'], fix: /--http-put-response-hop-limit 2/, sdkOk: false },
  { mode: 'no-role', codes: ['CC5006', 'CC5008'], fix: /associate-iam-instance-profile/, sdkOk: false },
  { mode: 'throttled', codes: ['CC5009'], fix: /maxRetries/, sdkOk: false },
  { mode: 'unauthorized', codes: ['CC5006', 'CC5010'], fix: /ec2\.amazonaws\.com/, sdkOk: false },
  { mode: 'expiring', codes: ['CC5006', 'CC5011'], fix: /describe-iam-instance-profile-associations/, sdkOk: true },
  { mode: 'expired', codes: ['CC5006', 'CC5011'], fix: /describe-iam-instance-profile-associations/, sdkOk: true },
  { mode: 'slow', codes: ['CC5006', 'CC5013'], fix: /timeout: 3000/, sdkOk: false, opts: { slowMs: 1100 } },
  { mode: 'garbage', codes: ['CC5006', 'CC5012'], fix: /NO_PROXY=169\.254\.169\.254/, sdkOk: false },
  { mode: 'disabled', codes: ['CC5007'], fix: /--http-endpoint enabled/, sdkOk: false },
];

async function sdkSucceeds(url: string, env: Record<string, string>): Promise<boolean> {
  process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = url;
  Object.assign(process.env, env);
  try {
    await fromInstanceMetadata({ logger: quiet })();
    return true;
  } catch {
    return false;
  } finally {
    for (const k of Object.keys(env)) delete process.env[k];
  }
}

const seen = new Map<string, string>();
for (const c of CASES) {
  const label = `${c.mode}${c.env ? ' ' + JSON.stringify(c.env) : ''}`;
  test(`mode ${label}: ${c.codes.join('+')}, SDK ${c.sdkOk ? 'succeeds' : 'fails'}`, async () => {
    const server = await startImds({ mode: c.mode, credentials: { secretAccessKey: CANARY.secret, token: CANARY.token }, ...c.opts });
    try {
      const env = { ...BASE_ENV, AWS_EC2_METADATA_SERVICE_ENDPOINT: server.url, ...c.env };
      const r = await runCli(['imds', '--json'], env);
      assertNoSecrets(r.stdout + r.stderr);
      const j = parseJson(r);
      const codes = j.findings.map((f: { code: string }) => f.code).sort();
      assert.deepEqual(codes, c.codes, r.stdout);
      assert.ok(j.findings.some((f: { fix: string }) => c.fix.test(f.fix)), `a fix matching ${c.fix}`);
      assert.equal(j.reachable, true);
      const credcheckSaysFails = j.findings.some((f: { severity: string; code: string }) => f.severity === 'error' && f.code !== 'CC5011');
      assert.equal(credcheckSaysFails, !c.sdkOk, 'credcheck verdict');
      assert.equal(await sdkSucceeds(server.url, c.env ?? {}), c.sdkOk, 'the SDK itself');
      assert.equal(r.code, c.sdkOk && !c.codes.includes('CC5011') ? 0 : c.mode === 'expiring' ? 0 : 1);
      const text = await runCli(['imds'], env);
      assertNoSecrets(text.stdout + text.stderr);
      const key = `${codes.join('+')}|${j.findings.map((f: { severity: string }) => f.severity).join()}`;
      assert.ok(!seen.has(key) || seen.get(key) === label, `diagnosis of ${label} equals that of ${seen.get(key)}`);
      seen.set(key, label);
    } finally {
      await server.close();
    }
  });
}

test('expired vs expiring: same code, different severity and message', async () => {
  const server = await startImds({ mode: 'expired' });
  try {
    const j = parseJson(await runCli(['imds', '--json'], { ...BASE_ENV, AWS_EC2_METADATA_SERVICE_ENDPOINT: server.url }));
    const f = j.findings.find((x: { code: string }) => x.code === 'CC5011');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /expired/);
    server.setMode('expiring');
    const k = parseJson(await runCli(['imds', '--json'], { ...BASE_ENV, AWS_EC2_METADATA_SERVICE_ENDPOINT: server.url }));
    const g = k.findings.find((x: { code: string }) => x.code === 'CC5011');
    assert.equal(g.severity, 'warning');
    assert.match(g.message, /rotation is late/);
  } finally {
    await server.close();
  }
});

test('v2 run reports steps, role, masked credentials and instance as the issue specifies', async () => {
  const server = await startImds({ credentials: { accessKeyId: 'ASIAEXAMPLEKEY123456', secretAccessKey: CANARY.secret, token: CANARY.token } });
  try {
    const r = await runCli(['imds', '--json'], { ...BASE_ENV, AWS_EC2_METADATA_SERVICE_ENDPOINT: server.url });
    const j = parseJson(r);
    assert.equal(j.imdsVersion, 'v2');
    assert.equal(j.endpointSource, 'env AWS_EC2_METADATA_SERVICE_ENDPOINT');
    assert.deepEqual(j.steps.map((s: { name: string }) => s.name), ['token', 'v1-get', 'role', 'credentials', 'iam-info', 'identity']);
    assert.ok(j.steps.every((s: { ms: number; status: string }) => typeof s.ms === 'number' && s.status === 'ok'));
    assert.equal(j.role, 'test-role');
    assert.deepEqual(Object.keys(j.credentials).sort(), ['accessKeyId', 'code', 'expiration', 'lastUpdated', 'type']);
    assert.equal(j.credentials.accessKeyId, 'ASIA…3456');
    assert.equal(j.credentials.code, 'Success');
    assert.equal(j.instance.region, 'eu-west-1');
    assert.equal(j.instance.instanceId, 'i-0123456789abcdef0');
    assert.match(j.instance.instanceProfileArn, /instance-profile/);
    assert.ok(!r.stdout.includes('ASIAEXAMPLEKEY123456'));
    const put = server.requests.find((q) => q.method === 'PUT');
    assert.equal(put?.ttl, '21600');
    assertNoSecrets(r.stdout + r.stderr);
  } finally {
    await server.close();
  }
});

test('rotation: a second run sees a new key id', async () => {
  const server = await startImds({ mode: 'rotation', rotateEveryMs: 300 });
  try {
    const env = { ...BASE_ENV, AWS_EC2_METADATA_SERVICE_ENDPOINT: server.url, };
    const a = parseJson(await runCli(['imds', '--json', '--show-key-ids'], env));
    await new Promise((r) => setTimeout(r, 700));
    const b = parseJson(await runCli(['imds', '--json', '--show-key-ids'], env));
    assert.notEqual(a.credentials.accessKeyId, b.credentials.accessKeyId);
    assert.match(b.credentials.accessKeyId, /^ASIATESTIMDSKEY\d{4}$/);
  } finally {
    await server.close();
  }
});

test('black-holed endpoint: "not on EC2 (no answer)" well within the bound', async () => {
  const sockets: import('node:net').Socket[] = [];
  const hole: Server = createServer((s) => void sockets.push(s));
  await new Promise<void>((r) => hole.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(hole.address() as { port: number }).port}`;
  try {
    const r = await runCli(['imds', '--json'], { ...BASE_ENV, AWS_EC2_METADATA_SERVICE_ENDPOINT: url });
    const j = parseJson(r);
    assert.equal(j.reachable, false);
    assert.equal(j.diagnosis, 'not on EC2 (no answer)');
    assert.deepEqual(j.findings.map((f: { code: string }) => f.code), ['CC5001']);
    assert.equal(r.code, 0);
    assert.ok(r.ms < 4000, `took ${r.ms} ms`);
    console.log(`# black-holed imds run: ${Math.round(r.ms)} ms`);
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise((r) => hole.close(r));
  }
});

test('refused endpoint (SAFE_ENV port 9): not on EC2 (connection refused), fast', async () => {
  const r = await runCli(['imds', '--json'], BASE_ENV);
  const j = parseJson(r);
  assert.equal(j.diagnosis, 'not on EC2 (connection refused)');
  assert.deepEqual(j.findings.map((f: { code: string }) => f.code), ['CC5001']);
});

test('proxy without a literal NO_PROXY entry: CC5014 names botocore and curl; a literal entry silences it', async () => {
  const r = await runCli(['imds', '--json'], { ...BASE_ENV, http_proxy: 'http://user:proxySecretPass1@proxy.example:3128', NO_PROXY: '169.254.0.0/16' });
  const j = parseJson(r);
  const f = j.findings.find((x: { code: string }) => x.code === 'CC5014');
  assert.ok(f, r.stdout);
  assert.match(f.message, /botocore/);
  assert.match(f.message, /curl/);
  assert.ok(!r.stdout.includes('proxySecretPass1'));
  const ok = parseJson(await runCli(['imds', '--json'], { ...BASE_ENV, HTTP_PROXY: 'http://proxy.example:3128', NO_PROXY: 'localhost,169.254.169.254' }));
  assert.ok(!ok.findings.some((x: { code: string }) => x.code === 'CC5014'));
});

test('--endpoint wins over the environment and is named as the source', async () => {
  const server = await startImds({ mode: 'v2-required' });
  try {
    const j = parseJson(await runCli(['imds', '--json', '--endpoint', server.url], BASE_ENV));
    assert.equal(j.endpointSource, '--endpoint');
    assert.equal(j.tokensRequired, true);
  } finally {
    await server.close();
  }
});

test('--help has examples and exit codes', async () => {
  const r = await runCli(['imds', '--help']);
  assert.match(r.stdout, /Examples:/);
  assert.match(r.stdout, /Exit codes:/);
});
