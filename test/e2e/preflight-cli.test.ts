import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, parseJson, type CliResult } from '../helpers/cli.js';
import { CANARY, assertNoSecrets, makeHome } from '../helpers/home.js';
import { parseJunit, xsdValidate } from '../helpers/junit.js';
import { startSts, type StsServer } from '../servers/sts.js';

const ACCOUNT = '111122223333';
const SESSION = { accessKeyId: 'ASIAEXAMPLESESSION01', secretAccessKey: CANARY.secret, sessionToken: CANARY.token, arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/ci-run-7`, account: ACCOUNT, userId: 'AROAEXAMPLE:ci-run-7' };
const USER = { accessKeyId: 'AKIAEXAMPLEUSER00001', secretAccessKey: CANARY.secret2, arn: `arn:aws:iam::${ACCOUNT}:user/ci`, account: ACCOUNT, userId: 'AIDAEXAMPLE' };
const EXPIRED = { ...SESSION, accessKeyId: 'ASIAEXAMPLEEXPIRED01', sessionToken: CANARY.token2, expired: true };

const envKeys = (id: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, extra: Record<string, string | undefined> = {}) => ({
  HOME: makeHome(),
  AWS_ACCESS_KEY_ID: id.accessKeyId,
  AWS_SECRET_ACCESS_KEY: id.secretAccessKey,
  ...(id.sessionToken && { AWS_SESSION_TOKEN: id.sessionToken }),
  ...extra,
});
const inMin = (m: number) => new Date(Date.now() + m * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

type Format = 'text' | 'json' | 'junit' | 'github';
const FORMATS: Format[] = ['text', 'json', 'junit', 'github'];

/** Runs one scenario in every format: same exit code everywhere, the code/reason visible in each. */
async function everyFormat(args: string[], env: Record<string, string | undefined>, expect: { code: number; finding?: string; reason: RegExp; check: string; status: string }) {
  for (const format of FORMATS) {
    const r = await runCli(['preflight', ...args, '--format', format], env);
    const all = r.stdout + r.stderr;
    assertNoSecrets(all);
    assert.equal(r.code, expect.code, `${format}: exit ${r.code}\n${all}`);
    assert.ok(r.ms < 10_000, `${format}: took ${r.ms} ms`);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/, 'no stack traces');
    if (format === 'json') {
      const doc = parseJson(r);
      assert.equal(doc.schemaVersion, 1);
      assert.equal(doc.command, 'preflight');
      const c = doc.checks.find((x: { id: string }) => x.id === expect.check);
      assert.equal(c.status, expect.status, JSON.stringify(doc.checks));
      assert.match(c.reason, expect.reason);
      if (expect.finding) assert.ok(doc.findings.some((f: { code: string }) => f.code === expect.finding), JSON.stringify(doc.findings));
    } else if (format === 'junit') {
      const { cases } = parseJunit(r.stdout);
      xsdValidate(r.stdout);
      const c = cases.find((x) => x.name.startsWith(`${expect.check}:`))!;
      assert.equal(c.kind, expect.status === 'fail' ? 'failure' : expect.status === 'skip' ? 'skipped' : 'pass');
      if (expect.status === 'fail') assert.match(c.message!, expect.reason);
    } else if (format === 'github') {
      if (expect.finding) assert.match(r.stdout, new RegExp(`^::(error|warning) title=${expect.finding} `, 'm'));
      assert.match(r.stdout.replace(/%0A/g, '\n').replace(/%25/g, '%'), expect.reason);
    } else {
      if (expect.finding) assert.match(r.stdout, new RegExp(expect.finding));
      assert.match(r.stdout.replace(/\s+/g, ' '), expect.reason);
    }
  }
}

describe('credcheck preflight (offline)', () => {
  it('no credentials, offline: a warning that other sources were not resolved; --strict fails', async () => {
    await everyFormat(['--offline'], { HOME: makeHome() }, { code: 0, finding: 'CC8001', check: 'credentials', status: 'warn', reason: /--offline reads only/ });
    const strict = await runCli(['preflight', '--offline', '--strict'], { HOME: makeHome() });
    assert.equal(strict.code, 1);
  });

  it('TTL too short: exported keys with AWS_CREDENTIAL_EXPIRATION in 30 min, job needs 70', async () => {
    await everyFormat(['--offline', '--min-ttl', '70m'], envKeys(SESSION, { AWS_CREDENTIAL_EXPIRATION: inMin(30) }), { code: 1, finding: 'CC8003', check: 'ttl', status: 'fail', reason: /expire in 29m\d\ds .*needs 1h10m .*nothing will refresh/ });
  });

  it('unknown expiry: warning (exit 0), error with --strict, exit 1 with --fail-on warning', async () => {
    await everyFormat(['--offline', '--min-ttl', '1h'], envKeys(SESSION), { code: 0, finding: 'CC8003', check: 'ttl', status: 'warn', reason: /without AWS_CREDENTIAL_EXPIRATION/ });
    assert.equal((await runCli(['preflight', '--offline', '--min-ttl', '1h', '--strict'], envKeys(SESSION))).code, 1);
    assert.equal((await runCli(['preflight', '--offline', '--min-ttl', '1h', '--fail-on', 'warning'], envKeys(SESSION))).code, 1);
  });

  it('long-term keys denied', async () => {
    await everyFormat(['--offline', '--deny-long-term-keys'], envKeys(USER), { code: 1, finding: 'CC8006', check: 'long-term-keys', status: 'fail', reason: /AKIA…0001 .*long-term/ });
  });

  it('--require-region honours the region in the selected profile, as the SDK does', async () => {
    const config = '[default]\nregion = eu-central-1\n\n[profile ci]\nregion = ap-south-2\n';
    await everyFormat(['--offline', '--require-region'], envKeys(SESSION, { HOME: makeHome({ config }), AWS_REGION: undefined }), { code: 0, check: 'region', status: 'pass', reason: /eu-central-1 from region in profile "default"/ });
    const named = parseJson(await runCli(['preflight', '--offline', '--require-region', '--json', '--profile', 'ci'], envKeys(SESSION, { HOME: makeHome({ config }), AWS_REGION: undefined })));
    assert.match(named.checks.find((c: { id: string }) => c.id === 'region').reason, /ap-south-2 from region in profile "ci"/);
    // No region anywhere still fails, so the pass above comes from the profile.
    await everyFormat(['--offline', '--require-region'], envKeys(SESSION, { HOME: makeHome({ config: '[default]\noutput = json\n' }), AWS_REGION: undefined }), { code: 1, finding: 'CC3022', check: 'region', status: 'fail', reason: /no region configured/ });
  });

  it('OIDC token file: an expired JWT fails with its claims, and the token is never printed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'credcheck-oidc-'));
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const token = `${b64({ alg: 'RS256' })}.${b64({ exp: Math.floor(Date.now() / 1000) - 120, iss: 'https://token.actions.githubusercontent.com', sub: 'repo:acme/app:ref:refs/heads/main', aud: 'sts.amazonaws.com' })}.CANARYsignaturePART0000000000000000`;
    writeFileSync(join(dir, 'token'), token);
    const env = { HOME: makeHome(), AWS_WEB_IDENTITY_TOKEN_FILE: join(dir, 'token'), AWS_ROLE_ARN: `arn:aws:iam::${ACCOUNT}:role/deployer` };
    await everyFormat(['--offline'], env, { code: 1, finding: 'CC8009', check: 'web-identity', status: 'fail', reason: /token expired 2m\d\ds ago .*iss https:\/\/token.actions.githubusercontent.com/ });
    const r = await runCli(['preflight', '--offline', '--json'], env);
    assertNoSecrets(r.stdout + r.stderr, [token, token.split('.')[1]!, 'CANARYsignaturePART']);
    writeFileSync(join(dir, 'token'), 'not-a-jwt');
    const bad = parseJson(await runCli(['preflight', '--offline', '--json'], env));
    assert.match(bad.checks.find((c: { id: string }) => c.id === 'web-identity').reason, /not a JWT: expected 3 dot-separated parts, found 1/);
  });

  it('usage errors exit 2 with one line', async () => {
    for (const args of [['--min-ttl', 'soon'], ['--expect-account', '12'], ['--format', 'xml'], ['--json', '--format', 'junit']]) {
      const r = await runCli(['preflight', '--offline', ...args], { HOME: makeHome() });
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
  });

  it('--help has examples and exit codes', async () => {
    const r = await runCli(['preflight', '--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Examples:/);
    assert.match(r.stdout, /Exit codes:/);
  });
});

describe('credcheck preflight against a loopback STS', () => {
  let sts: StsServer;
  before(async () => {
    sts = await startSts({ identities: [SESSION, USER, EXPIRED] });
  });
  after(() => sts.close());
  const env = (id: typeof SESSION | typeof USER, extra: Record<string, string> = {}) => envKeys(id, { AWS_ENDPOINT_URL_STS: sts.url, ...extra });

  it('all expectations met: exit 0, identity and clock pass', async () => {
    const r = await runCli(['preflight', '--json', '--expect-account', '999999999999', '--expect-account', ACCOUNT, '--expect-arn', 'arn:aws:sts::*:assumed-role/deployer/*', '--require-region'], env(SESSION, { AWS_CREDENTIAL_EXPIRATION: inMin(90) }));
    assertNoSecrets(r.stdout + r.stderr);
    const doc = parseJson(r);
    assert.equal(r.code, 0, JSON.stringify(doc.checks, null, 1));
    const status = Object.fromEntries(doc.checks.map((c: { id: string; status: string }) => [c.id, c.status]));
    assert.deepEqual(status, { credentials: 'pass', identity: 'pass', ttl: 'pass', account: 'pass', arn: 'pass', 'long-term-keys': 'skip', 'clock-skew': 'pass', region: 'pass', 'web-identity': 'skip' });
    assert.equal(sts.requests.at(-1)!.action, 'GetCallerIdentity');
  });

  it('wrong account', async () => {
    await everyFormat(['--expect-account', '999999999999'], env(SESSION), { code: 1, finding: 'CC3020', check: 'account', status: 'fail', reason: /account 111122223333 is not the expected 999999999999/ });
  });

  it('ARN mismatch', async () => {
    await everyFormat(['--expect-arn', 'arn:aws:sts::*:assumed-role/admin/*'], env(SESSION), { code: 1, finding: 'CC3021', check: 'arn', status: 'fail', reason: /assumed-role\/deployer\/ci-run-7 does not match/ });
  });

  it('invalid credentials: ExpiredToken from STS, with its diagnosis', async () => {
    await everyFormat([], env(EXPIRED), { code: 1, finding: 'CC8002', check: 'identity', status: 'fail', reason: /ExpiredToken.*has expired/ });
  });

  it('skewed clock: AWS 3 minutes ahead, read from the Date header', async () => {
    sts.setClockOffset(180_000);
    try {
      await everyFormat([], env(SESSION), { code: 1, finding: 'CC4001', check: 'clock-skew', status: 'fail', reason: /behind the AWS Date header \([^)]*\) by (2m5\d|3m0\d)s/ });
      assert.equal((await runCli(['preflight', '--max-clock-skew', '5m'], env(SESSION))).code, 0);
    } finally {
      sts.setClockOffset(0);
    }
  });

  it('GitHub Actions: text plus annotations, and the step summary is appended, never overwritten', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'credcheck-gh-'));
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const junit = join(dir, 'report.xml');
    const r = await runCli(['preflight', '--expect-account', '999999999999', '--junit', junit], env(SESSION, { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary }));
    assert.equal(r.code, 1);
    assert.match(r.stdout, /credcheck preflight/);
    assert.match(r.stdout, /^::error title=CC3020 The credentials belong to a different account than expected::/m);
    const md = readFileSync(summary, 'utf8');
    assert.match(md, /^# earlier step\n### credcheck preflight\n/);
    assert.match(md, /\| expected account \| ❌ fail \|/);
    const xml = readFileSync(junit, 'utf8');
    parseJunit(xml);
    xsdValidate(xml);
    for (const text of [r.stdout, r.stderr, md, xml]) assertNoSecrets(text);
  });

  it('OIDC via STS: the session from AssumeRoleWithWebIdentity ends before the job and the token will have expired', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'credcheck-oidc-sts-'));
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    writeFileSync(join(dir, 'token'), `${b64({ alg: 'RS256' })}.${b64({ exp: Math.floor(Date.now() / 1000) + 300, iss: 'https://gitlab.example.com', sub: 'project_path:g/p', aud: 'sts.amazonaws.com' })}.c2ln`);
    const oidc = { HOME: makeHome(), AWS_ENDPOINT_URL_STS: sts.url, AWS_WEB_IDENTITY_TOKEN_FILE: join(dir, 'token'), AWS_ROLE_ARN: `arn:aws:iam::${ACCOUNT}:role/deployer`, AWS_ROLE_SESSION_NAME: 'ci' };
    await everyFormat(['--min-ttl', '2h'], oidc, { code: 1, finding: 'CC8009', check: 'web-identity', status: 'fail', reason: /token expires in 4m\d\ds .*role session expires in (59m\d\ds|1h00m); the job needs 2h00m/ });
    const doc = parseJson(await runCli(['preflight', '--json', '--min-ttl', '30m'], oidc));
    assert.equal(doc.inputs.credentials.expirationSource, 'STS AssumeRoleWithWebIdentity');
    assert.equal(doc.checks.find((c: { id: string }) => c.id === 'ttl').status, 'pass');
    assert.equal(doc.checks.find((c: { id: string }) => c.id === 'web-identity').status, 'pass');
    assert.ok(sts.requests.some((q) => q.action === 'AssumeRoleWithWebIdentity'));
  });

  it('writes no files unless asked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'credcheck-nofiles-'));
    const r = await runCli(['preflight'], { ...env(SESSION), GITHUB_STEP_SUMMARY: join(dir, 'summary.md') });
    assert.equal(r.code, 0, r.stdout);
    assert.equal(existsSync(join(dir, 'summary.md')), false, 'summary written without GITHUB_ACTIONS=true');
  });
});

describe('credcheck preflight with black-holed endpoints', () => {
  it('finishes well under 10 s and says STS did not answer', async () => {
    const { startBlackhole } = await import('../servers/blackhole.js');
    const hole = await startBlackhole();
    try {
      const r: CliResult = await runCli(['preflight', '--json'], { ...envKeys(SESSION), AWS_ENDPOINT_URL_STS: hole.tcpUrl, AWS_EC2_METADATA_SERVICE_ENDPOINT: hole.tcpUrl });
      assert.equal(r.code, 1);
      assert.ok(r.ms < 10_000, `took ${r.ms} ms`);
      const doc = parseJson(r);
      assert.match(doc.checks.find((c: { id: string }) => c.id === 'identity').reason, /did not answer|could not be reached|No answer/);
    } finally {
      await hole.close();
    }
  });

  it('a black-holed container credentials endpoint: the chain deadline answers, and the process exits at once', async () => {
    const { startBlackhole } = await import('../servers/blackhole.js');
    const hole = await startBlackhole();
    try {
      const r = await runCli(['preflight'], { HOME: makeHome(), AWS_ENDPOINT_URL_STS: hole.tcpUrl, AWS_CONTAINER_CREDENTIALS_FULL_URI: `${hole.tcpUrl}/creds` });
      assert.equal(r.code, 1);
      assert.match(r.stdout.replace(/\s+/g, ' '), /resolving credentials did not finish within 4000 ms/); // text wraps at 80 columns
      // Budget 4 s; before finish() stopped unref'ing its exit, a hung socket kept the process alive to ~8 s.
      assert.ok(r.ms < 7000, `took ${r.ms} ms`);
    } finally {
      await hole.close();
    }
  });
});
