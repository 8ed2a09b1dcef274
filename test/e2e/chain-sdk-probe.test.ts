/**
 * `chain --sdk`: a link the JS chain never tried but another SDK needs is probed once, shared by
 * every model, instead of being reported "not checked". Loopback servers only.
 */
import { test } from 'node:test';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { parseJson, runCli } from '../helpers/cli.js';
import { assertNoSecrets, CANARY, makeHome } from '../helpers/home.js';
import { startImds } from '../servers/imds.js';

test('AWS_EC2_METADATA_DISABLED=1: Node never asks IMDS; botocore and Go do, and get the instance role from one shared probe', async () => {
  const imds = await startImds({ credentials: { accessKeyId: 'ASIAIMDSSHARED000081', secretAccessKey: CANARY.secret2, token: CANARY.token2 } });
  try {
    const env = { HOME: makeHome(), AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url, AWS_EC2_METADATA_DISABLED: '1' };
    const r = await runCli(['chain', '--json', '--sdk', 'all'], env);
    assertNoSecrets(r.stdout + r.stderr);
    const by = Object.fromEntries(parseJson(r).sdks.map((s: any) => [s.sdk, s]));
    assert.equal(by.js.active, null, 'remoteProvider: any value but "false" disables IMDS in JS');
    for (const sdk of ['botocore', 'go']) {
      assert.equal(by[sdk].active?.source, 'imds', `${sdk}: ${JSON.stringify(by[sdk].links)}`);
      assert.equal(by[sdk].active.accessKeyId, 'ASIA…0081');
    }
    // Java: "1" is neither true nor false, so SystemSettingUtils throws and IMDS is not asked.
    assert.equal(by.java.active, null);
    assert.doesNotMatch(JSON.stringify(by), /not checked/);
    // botocore and Go share one address: its credentials were fetched once, not once per SDK.
    const fetched = imds.requests.filter((q) => /security-credentials\/.+/.test(q.path));
    assert.equal(fetched.length, 1, JSON.stringify(imds.requests));
  } finally {
    await imds.close();
  }
});

test('static keys and credential_process in one profile: Node never runs the process; Java runs it first, and credcheck runs it once for Java', async () => {
  const home = makeHome();
  const script = join(home, 'helper.sh');
  const count = join(home, 'runs');
  writeFileSync(script, `#!/bin/sh\necho run >> ${count}\necho '{"Version": 1, "AccessKeyId": "ASIAPROCESSJAVA00082", "SecretAccessKey": "${CANARY.secret2}", "SessionToken": "${CANARY.token2}"}'\n`);
  chmodSync(script, 0o700);
  writeFileSync(join(home, '.aws', 'credentials'), `[default]\naws_access_key_id = AKIASTATICJAVA000082\naws_secret_access_key = ${CANARY.secret}\ncredential_process = ${script}\n`);
  const r = await runCli(['chain', '--offline', '--json', '--sdk', 'java,js'], { HOME: home, AWS_EC2_METADATA_DISABLED: 'true' });
  assertNoSecrets(r.stdout + r.stderr);
  const by = Object.fromEntries(parseJson(r).sdks.map((s: any) => [s.sdk, s]));
  assert.equal(by.js.active.source, 'static');
  // ProfileCredentialsUtils: credential_process is tried before aws_access_key_id.
  assert.equal(by.java.active.source, 'process');
  assert.equal(by.java.active.accessKeyId, 'ASIA…0082');
  const { readFileSync } = await import('node:fs');
  assert.equal(readFileSync(count, 'utf8').trim().split('\n').length, 1, 'the process ran once');
  // Without --sdk nobody asked for Java's answer: a process (prompts, browsers) is not run for it.
  await runCli(['chain', '--offline'], { HOME: home, AWS_EC2_METADATA_DISABLED: 'true' });
  assert.equal(readFileSync(count, 'utf8').trim().split('\n').length, 1, 'plain chain does not run it');
});

test('an instance role the JS chain fetched itself: every SDK states its key id masked once (not "…")', async () => {
  const imds = await startImds({ credentials: { accessKeyId: 'ASIAIMDSBYJS00000083', secretAccessKey: CANARY.secret2, token: CANARY.token2 } });
  try {
    const r = await runCli(['chain', '--json', '--sdk', 'all'], { HOME: makeHome(), AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url });
    assertNoSecrets(r.stdout + r.stderr);
    const by = Object.fromEntries(parseJson(r).sdks.map((s: any) => [s.sdk, s]));
    for (const sdk of ['js', 'botocore', 'go', 'java']) assert.equal(by[sdk].active?.accessKeyId, 'ASIA…0083', `${sdk}: ${JSON.stringify(by[sdk])}`);
  } finally {
    await imds.close();
  }
});

test('IMDS endpoint only in the config file: each SDK reads its own profile\'s setting; the JS answer is filed under the JS address', async () => {
  const role = await startImds({ credentials: { accessKeyId: 'ASIAIMDSCONFIG000084', secretAccessKey: CANARY.secret2, token: CANARY.token2 } });
  const none = await startImds({ mode: 'no-role' });
  try {
    // [default] names the no-role IMDS, [profile x] the role one; AWS_DEFAULT_PROFILE=x; no env endpoint.
    const home = makeHome({ config: `[default]\nec2_metadata_service_endpoint = ${none.url}\n[profile x]\nec2_metadata_service_endpoint = ${role.url}\n` });
    // SAFE_ENV's env endpoint would win over the files: leave it out (both profiles name loopback servers).
    const r = await runCli(['chain', '--json', '--sdk', 'all'], { HOME: home, AWS_DEFAULT_PROFILE: 'x', AWS_EC2_METADATA_SERVICE_ENDPOINT: undefined });
    assertNoSecrets(r.stdout + r.stderr);
    const by = Object.fromEntries(parseJson(r).sdks.map((s: any) => [s.sdk, s]));
    // JS (getInstanceMetadataEndpoint: AWS_PROFILE || "default") and Java (no AWS_DEFAULT_PROFILE) read [default].
    for (const sdk of ['js', 'java']) assert.equal(by[sdk].active, null, `${sdk}: ${JSON.stringify(by[sdk].links)}`);
    // botocore and Go read the AWS_DEFAULT_PROFILE profile's setting (oracle set-up "IMDS endpoint in [profile x] and [default], AWS_DEFAULT_PROFILE=x").
    for (const sdk of ['botocore', 'go']) assert.equal(by[sdk].active?.accessKeyId, 'ASIA…0084', `${sdk}: ${JSON.stringify(by[sdk].links)}`);
    assert.doesNotMatch(JSON.stringify(by), /not checked/);
    // The JS chain asked the no-role IMDS itself; only the role one was left for the shared probe.
    assert.ok(none.requests.length > 0 && role.requests.some((q) => /security-credentials\/.+/.test(q.path)));
  } finally {
    await Promise.all([role.close(), none.close()]);
  }
});
