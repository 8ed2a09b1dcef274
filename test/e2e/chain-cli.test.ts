import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJson, runCli } from '../helpers/cli.js';
import { assertNoSecrets, CANARY, makeHome } from '../helpers/home.js';
import { startBlackhole } from '../servers/blackhole.js';
import { startSts } from '../servers/sts.js';
import { startImds } from '../servers/imds.js';

test('chain --help states the modelled SDK versions, examples and exit codes', async () => {
  const r = await runCli(['chain', '--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /@aws-sdk\/credential-provider-node@\d+\.\d+\.\d+/);
  assert.match(r.stdout, /Examples:/);
  assert.match(r.stdout, /Exit codes:/);
});

test('a black-holed IMDS with nothing else configured: bounded, no credentials, CC2006', async () => {
  const hole = await startBlackhole();
  try {
    const home = makeHome({});
    const r = await runCli(['chain', '--json'], { HOME: home, AWS_EC2_METADATA_SERVICE_ENDPOINT: hole.tcpUrl });
    const j = parseJson(r);
    assert.equal(r.code, 1);
    assert.equal(j.active, null);
    const imds = j.links.find((l: any) => l.source === 'imds');
    assert.equal(imds.status, 'failed');
    // Nothing answered even a plain GET within the SDK's 1 s timeout: the link says so without
    // waiting out the SDK's 2 s, and the cross-check is honest that the SDK had not finished.
    assert.match(imds.reason, /no answer within 1000 ms, not even to a plain GET/);
    assert.ok(imds.ms < 2000, `the black hole was called after ${imds.ms} ms, not the SDK's 2 s`);
    assert.equal(j.crossCheck.status, 'unverified');
    assert.match(j.crossCheck.detail, /had not finished/);
    assert.ok(j.findings.some((f: any) => f.code === 'CC2006'));
    assert.ok(r.ms < 5000, `did not hang (took ${Math.round(r.ms)} ms)`);
  } finally {
    await hole.close();
  }
});

test('--offline makes no STS or IMDS call and says what was not verified', async () => {
  const sts = await startSts({ identities: [] });
  const imds = await startImds();
  try {
    const home = makeHome({
      credentials: `[base]\naws_access_key_id = AKIABASEOFFLINE00001\naws_secret_access_key = ${CANARY.secret}\n`,
      config: '[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deploy\nsource_profile = base\n',
    });
    const r = await runCli(['chain', '--offline', '--json'], { HOME: home, AWS_PROFILE: 'deploy', AWS_ENDPOINT_URL_STS: sts.url, AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url });
    const j = parseJson(r);
    assertNoSecrets(r.stdout + r.stderr);
    assert.equal(sts.requests.length, 0);
    assert.equal(imds.requests.length, 0);
    assert.equal(j.offline, true);
    assert.equal(j.links.find((l: any) => l.source === 'ini').status, 'skipped');
    assert.ok(j.notVerified.some((n: string) => /deploy/.test(n)));
    assert.equal(j.crossCheck.status, 'unverified');
    assert.ok(!j.findings.some((f: any) => f.code === 'CC2006'), 'offline must not claim there are no credentials');
  } finally {
    await sts.close();
    await imds.close();
  }
});

test('a FIFO as web identity token file does not hang the SDK', async () => {
  const home = makeHome({});
  const fifo = join(home, 'token.fifo');
  execFileSync('mkfifo', [fifo]);
  const r = await runCli(['chain', '--json'], { HOME: home, AWS_WEB_IDENTITY_TOKEN_FILE: fifo, AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/irsa' }, 10_000);
  const j = parseJson(r);
  const link = j.links.find((l: any) => l.source === 'token-file');
  assert.equal(link.status, 'failed');
  assert.match(link.reason, /not a regular file/);
});

test('text output of a failing credential_process shows exit code and stderr, never its stdout', async () => {
  const home = makeHome({});
  const script = join(home, 'bad.sh');
  writeFileSync(script, `#!/bin/sh\necho '{"Version":1,"AccessKeyId":"ASIALEAKYPROCESS0001","SecretAccessKey":"${CANARY.secret}","SessionToken":"${CANARY.token}"}'\necho 'login required' >&2\nexit 7\n`, { mode: 0o700 });
  writeFileSync(join(home, '.aws', 'config'), `[default]\ncredential_process = ${script}\n`);
  const r = await runCli(['chain'], { HOME: home });
  assertNoSecrets(r.stdout + r.stderr);
  assert.match(r.stdout, /exited with code 7; stderr: login required/);
  assert.doesNotMatch(r.stdout, /ASIALEAKYPROCESS/);
  assert.match(r.stdout, /CC2005/);
});
