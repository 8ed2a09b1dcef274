import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseJson, runCli } from '../helpers/cli.js';
import { assertNoSecrets, CANARY } from '../helpers/home.js';
import { startSts } from '../servers/sts.js';
import { startImds } from '../servers/imds.js';
import { startNtpServer } from '../servers/ntp.js';
import { startBlackhole } from '../servers/blackhole.js';

/**
 * The seed stories, recreated on loopback servers: doctor must put the right finding first, with
 * its fix. Each test asserts the first finding's code in JSON and that text output leads with it.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const KEY_A = 'AKIASEEDSTORYKEY000A';
const KEY_B = 'AKIASEEDSTORYKEY000B';

function credentialsFile(keyId: string, secret: string): string {
  return `[default]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\n`;
}

async function firstFinding(args: string[], env: Record<string, string>) {
  const json = parseJson(await runCli([...args, '--json'], env));
  const text = await runCli(args, env);
  assertNoSecrets(text.stdout + text.stderr + JSON.stringify(json));
  const firstCode = /^[✗!i] (CC\d{4})/m.exec(text.stdout)?.[1];
  return { json, text, first: json.findings[0], firstCode };
}

test('seed 1: SSM-rotated credentials file, agent started before the rotation → CC6102 first, restart fix', async () => {
  const home = mkdtempSync(join(tmpdir(), 'cc-seed1-'));
  mkdirSync(join(home, '.aws'));
  const file = join(home, '.aws', 'credentials');
  writeFileSync(file, credentialsFile(KEY_A, CANARY.secret), { mode: 0o600 });
  const sts = await startSts({ identities: [
    { accessKeyId: KEY_A, secretAccessKey: CANARY.secret, arn: 'arn:aws:iam::123456789012:user/old', account: '123456789012', userId: 'AIDAOLD' },
    { accessKeyId: KEY_B, secretAccessKey: CANARY.secret2, arn: 'arn:aws:sts::123456789012:assumed-role/AWSOnpremServerRole/mi-0c9c2ec582198650e', account: '123456789012', userId: 'AROA:mi' },
  ] });
  const ntp = await startNtpServer({ offsetMs: 0 });
  const hole = await startBlackhole();
  const agent = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '/opt/codedeploy-agent/bin/codedeploy-agent'], { env: { HOME: home, PATH: process.env.PATH ?? '' }, stdio: 'ignore' });
  try {
    await sleep(2600); // /proc start times are precise to ~1 s; the rotation must be clearly later
    // The SSM agent truncates and rewrites in place.
    writeFileSync(file, credentialsFile(KEY_B, CANARY.secret2));
    const ssm = join(home, 'identity_config.json');
    writeFileSync(ssm, JSON.stringify({ InstanceId: 'mi-0c9c2ec582198650e', ShareFile: file, ShareProfile: 'default', CredentialsRetrievedAt: new Date().toISOString(), CredentialsExpiresAt: new Date(Date.now() + 3600_000).toISOString() }));
    const env = { HOME: home, AWS_ENDPOINT_URL_STS: sts.url, AWS_EC2_METADATA_SERVICE_ENDPOINT: hole.tcpUrl, CREDCHECK_NTP_SERVERS: `127.0.0.1:${ntp.port}`, CREDCHECK_SSM_RUNTIME_CONFIG: ssm };
    const { first, firstCode, json, text } = await firstFinding(['doctor', '--pid', String(agent.pid)], env);
    assert.equal(first?.code, 'CC6102', JSON.stringify(json.findings.map((f: { code: string }) => f.code)));
    assert.equal(firstCode, 'CC6102');
    assert.match(first.fix, /Restart/);
    // One fact, said once: CC6102 (the run's own file) replaces CC6001 for this process.
    assert.ok(!json.findings.some((f: { code: string }) => f.code === 'CC6001'), 'CC6001 repeats CC6102');
    assert.match(text.stdout, /Identity +arn:aws:sts::123456789012:assumed-role\/AWSOnpremServerRole/);
  } finally {
    agent.kill();
    await Promise.all([sts.close(), ntp.close(), hole.close()]);
  }
});

test('seed 2: host clock 10 minutes behind AWS → the clock finding comes first, and the SDK correction is named', async () => {
  const home = mkdtempSync(join(tmpdir(), 'cc-seed2-'));
  mkdirSync(join(home, '.aws'));
  writeFileSync(join(home, '.aws', 'credentials'), credentialsFile(KEY_A, CANARY.secret), { mode: 0o600 });
  const sts = await startSts({ clockOffsetMs: 600_000, identities: [{ accessKeyId: KEY_A, secretAccessKey: CANARY.secret, arn: 'arn:aws:iam::123456789012:user/app', account: '123456789012', userId: 'AIDAAPP' }] });
  const ntp = await startNtpServer({ offsetMs: 600_000 });
  const hole = await startBlackhole();
  try {
    const env = { HOME: home, AWS_ENDPOINT_URL_STS: sts.url, AWS_EC2_METADATA_SERVICE_ENDPOINT: hole.tcpUrl, CREDCHECK_NTP_SERVERS: `127.0.0.1:${ntp.port}` };
    const { first, firstCode, json } = await firstFinding(['doctor'], env);
    assert.equal(first?.code, 'CC4001', JSON.stringify(json.findings.map((f: { code: string }) => f.code)));
    assert.equal(firstCode, 'CC4001');
    assert.equal(first.severity, 'error');
    assert.match(first.message, /10m0\ds behind|9m5\ds behind/);
    assert.ok(json.findings.some((f: { code: string }) => f.code === 'CC3018'), 'the SDK skew correction is reported');
  } finally {
    await Promise.all([sts.close(), ntp.close(), hole.close()]);
  }
});

test('seed 3: CI job with exported session keys expiring soon beside a role profile → expiry first, then the refreshable profile', async () => {
  const home = mkdtempSync(join(tmpdir(), 'cc-seed3-'));
  mkdirSync(join(home, '.aws'));
  writeFileSync(join(home, '.aws', 'credentials'), credentialsFile(KEY_A, CANARY.secret2), { mode: 0o600 });
  writeFileSync(join(home, '.aws', 'config'), '[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deploy\nsource_profile = default\n');
  const sessionKey = 'ASIASEEDSTORYCI0000A';
  const sts = await startSts({ identities: [{ accessKeyId: sessionKey, secretAccessKey: CANARY.secret, sessionToken: CANARY.token, arn: 'arn:aws:sts::123456789012:assumed-role/deploy/ci', account: '123456789012', userId: 'AROA:ci' }] });
  const ntp = await startNtpServer();
  const hole = await startBlackhole();
  try {
    const env = {
      HOME: home, AWS_ACCESS_KEY_ID: sessionKey, AWS_SECRET_ACCESS_KEY: CANARY.secret, AWS_SESSION_TOKEN: CANARY.token,
      AWS_CREDENTIAL_EXPIRATION: new Date(Date.now() + 8 * 60_000).toISOString(),
      AWS_ENDPOINT_URL_STS: sts.url, AWS_EC2_METADATA_SERVICE_ENDPOINT: hole.tcpUrl, CREDCHECK_NTP_SERVERS: `127.0.0.1:${ntp.port}`,
    };
    const { first, firstCode, json } = await firstFinding(['doctor'], env);
    assert.equal(first?.code, 'CC2004', JSON.stringify(json.findings.map((f: { code: string }) => f.code)));
    assert.equal(firstCode, 'CC2004');
    assert.ok(json.findings.some((f: { code: string }) => f.code === 'CC2002'), 'the refreshable deploy profile is pointed out');
  } finally {
    await Promise.all([sts.close(), ntp.close(), hole.close()]);
  }
});

test('seed 2b: container on EC2 with IMDS hop limit 1 → the hop-limit finding first, with the modify-instance-metadata-options fix', async () => {
  const home = mkdtempSync(join(tmpdir(), 'cc-seed4-'));
  const imds = await startImds({ mode: 'hop-limit' });
  const ntp = await startNtpServer();
  const hole = await startBlackhole();
  try {
    const env = { HOME: home, AWS_ENDPOINT_URL_STS: hole.tcpUrl, AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url, CREDCHECK_NTP_SERVERS: `127.0.0.1:${ntp.port}` };
    const { first, firstCode, json, text } = await firstFinding(['doctor'], env);
    assert.equal(first?.code, 'CC5002', JSON.stringify(json.findings.map((f: { code: string }) => f.code)));
    assert.equal(firstCode, 'CC5002');
    assert.match(first.fix, /--http-put-response-hop-limit 2/);
    assert.ok(text.ms < 10_000);
  } finally {
    await Promise.all([imds.close(), ntp.close(), hole.close()]);
  }
});

test('a fresh machine with no AWS setup gets a short, friendly report', async () => {
  const home = mkdtempSync(join(tmpdir(), 'cc-fresh-'));
  const hole = await startBlackhole();
  try {
    // Nothing configured, and the metadata endpoint refuses (as off EC2): the SDK finds nothing.
    const r = await runCli(['doctor'], { HOME: home, AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.1:9' });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /No credentials|no source supplies credentials/i);
    assert.ok(r.stdout.split('\n').length < 45, `report is ${r.stdout.split('\n').length} lines:\n${r.stdout}`);
    for (const line of r.stdout.split('\n')) assert.ok(line.length <= 80, `line over 80 columns: ${line}`);
  } finally {
    await hole.close();
  }
});

test('every endpoint black-holed: doctor finishes within its deadline and says what it could not check', async () => {
  const home = mkdtempSync(join(tmpdir(), 'cc-hole-'));
  const hole = await startBlackhole();
  try {
    const r = await runCli(['doctor', '--json'], { HOME: home, AWS_ACCESS_KEY_ID: 'AKIABLACKHOLEKEY0001', AWS_SECRET_ACCESS_KEY: CANARY.secret, AWS_ENDPOINT_URL_STS: hole.tcpUrl, AWS_EC2_METADATA_SERVICE_ENDPOINT: hole.tcpUrl, CREDCHECK_NTP_SERVERS: `127.0.0.1:${hole.udpPort}` });
    assert.ok(r.ms < 6000, `doctor took ${r.ms} ms`);
    const doc = parseJson(r);
    assert.ok(doc.elapsedMs <= 3200, `doctor's own clock says ${doc.elapsedMs} ms`);
    const areas = Object.fromEntries(doc.areas.map((a: { area: string; status: string }) => [a.area, a.status]));
    assert.match(areas.identity, /could not reach STS|timeout/);
    assert.match(areas.clock, /no reference answered/);
    assert.match(areas.imds, /not on EC2 \(no answer\)/);
  } finally {
    await hole.close();
  }
});
