/**
 * `credcheck chain --sdk`: the wiring from what credcheck observed to every SDK model and out.
 * (Whether each model is right is test/oracles/matrix.test.ts's job: here, that the CLI says it.)
 */
import { test } from 'node:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { parseJson, runCli } from '../helpers/cli.js';
import { assertNoSecrets, CANARY, makeHome } from '../helpers/home.js';
import { SDKS } from '../../src/sdk/models/catalog.js';
import { SDK_HELP_TEXT } from '../../src/areas/chain/sdk-help.js';

const st = (name: string, id: string) => `[${name}]\naws_access_key_id = ${id}\naws_secret_access_key = ${CANARY.secret}\n`;
const OFF = { AWS_EC2_METADATA_DISABLED: 'true' };

test('AWS_DEFAULT_PROFILE: Node uses [default], the others use the named profile; JSON says so per SDK', async () => {
  const home = makeHome({ credentials: st('default', 'AKIADEFAULT000000077') + st('dev', 'AKIADEVPROFILE000077') });
  const env = { HOME: home, AWS_DEFAULT_PROFILE: 'dev', ...OFF };
  const text = await runCli(['chain', '--offline'], env);
  assertNoSecrets(text.stdout + text.stderr);
  assert.match(text.stdout, /Other SDKs end up elsewhere:/);
  assert.match(text.stdout, /boto3 and the AWS CLI \(botocore\): static profile dev/);
  assert.match(text.stdout, /Go \(aws-sdk-go-v2\): static profile dev/);
  // Java ignores AWS_DEFAULT_PROFILE like Node: not among those that end up elsewhere.
  assert.doesNotMatch(text.stdout, /Java \(AWS SDK for Java 2\.x\)/);
  const j = parseJson(await runCli(['chain', '--offline', '--json'], env));
  assert.equal(j.schemaVersion, 1);
  const by = Object.fromEntries(j.sdks.map((s: any) => [s.sdk, s]));
  assert.deepEqual(Object.keys(by).sort(), ['botocore', 'go', 'java', 'js', 'ruby']);
  assert.equal(by.js.active.profile, 'default');
  assert.equal(by.botocore.active.profile, 'dev');
  assert.equal(by.botocore.active.accessKeyId, 'AKIA…0077');
  assert.deepEqual(by.botocore.differsFrom, ['js', 'java']);
  assert.ok(by.js.differsFrom.includes('ruby'));
  // Java ignores AWS_DEFAULT_PROFILE too (ProfileFileSystemSetting.AWS_PROFILE): it agrees with Node here.
  assert.equal(by.java.active.profile, 'default');
  assert.equal(by.java.verifiedBy, 'model');
  for (const s of j.sdks) {
    assert.equal(s.verifiedBy, s.sdk === 'java' ? 'model' : 'oracle');
    // Java: a release line (its source, read across 2.2x/2.3x), not one build an oracle ran.
    assert.match(s.version, s.sdk === 'java' ? /\d+\.\d+x$/ : /\d+\.\d+\.\d+/);
    assert.ok(s.refresh.length > 0);
  }
});

test('--sdk python: the key id in credentials and the secret in config stop botocore with PartialCredentialsError; Node merges', async () => {
  const home = makeHome({ credentials: '[default]\naws_access_key_id = AKIASPLITCREDS000077\n', config: `[default]\naws_secret_access_key = ${CANARY.secret}\n` });
  const r = await runCli(['chain', '--offline', '--sdk', 'python'], { HOME: home, ...OFF });
  assertNoSecrets(r.stdout + r.stderr);
  assert.match(r.stdout, /no credentials — PartialCredentialsError at shared-credentials-file/);
  assert.match(r.stdout, /refresh: 15 min before expiry \(advisory\), 10 min \(mandatory\)/);
  assert.doesNotMatch(r.stdout, /^Ruby \(aws-sdk-core\) \(/m, 'only the asked SDK is shown in full');
  const j = parseJson(await runCli(['chain', '--offline', '--json', '--sdk', 'cli'], { HOME: home, ...OFF }));
  assert.deepEqual(j.sdks.map((s: any) => s.sdk), ['botocore']);
  assert.equal(j.sdks[0].active, null);
  assert.equal(j.sdks[0].error, 'PartialCredentialsError');
  assert.deepEqual(j.sdks[0].differsFrom, ['js']);
});

test('--sdk all: web identity in the environment beats static [default] everywhere but Node, and each link says why it loses', async () => {
  const home = makeHome({ credentials: st('default', 'AKIADEFAULT000000078') });
  writeFileSync(join(home, 'token'), 'header.payload.signature');
  const env = { HOME: home, AWS_WEB_IDENTITY_TOKEN_FILE: join(home, 'token'), AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/irsa', ...OFF };
  const r = await runCli(['chain', '--offline', '--sdk', 'all'], env);
  assertNoSecrets(r.stdout + r.stderr);
  assert.match(r.stdout, /Node \(AWS SDK for JavaScript v3\)[\s\S]*?uses: static profile default/);
  assert.match(r.stdout, /Ruby \(aws-sdk-core\)[\s\S]*?uses: web-identity role\s+arn:aws:iam::123456789012:role\/irsa\s+via STS/);
  assert.match(r.stdout, /env +fails, chain goes on: no complete key pair/);
});

test('--sdk all --profile ci: each SDK given the profile in code; only Java keeps the environment keys first', async () => {
  const home = makeHome({ credentials: st('default', 'AKIADEFAULT000000080') + st('ci', 'AKIACIPROFILE0000080') });
  const env = { HOME: home, AWS_ACCESS_KEY_ID: 'AKIAENVKEYS000000080', AWS_SECRET_ACCESS_KEY: CANARY.secret, ...OFF };
  const j = parseJson(await runCli(['chain', '--offline', '--json', '--sdk', 'all', '--profile', 'ci'], env));
  const by = Object.fromEntries(j.sdks.map((s: any) => [s.sdk, s]));
  // JS: init.profile skips fromEnv; botocore: an explicit profile removes the env provider; Ruby:
  // static_profile_credentials runs before env_credentials; Go: WithSharedConfigProfile goes
  // straight to the profile. Java: profileName reaches ProfileCredentialsProvider only.
  for (const sdk of ['js', 'botocore', 'ruby', 'go']) {
    assert.equal(by[sdk].active?.profile, 'ci', `${sdk}: ${JSON.stringify(by[sdk])}`);
    assert.equal(by[sdk].active.accessKeyId, 'AKIA…0080');
  }
  assert.equal(by.java.active.source, 'env');
  assert.deepEqual(by.java.differsFrom, ['js', 'botocore', 'ruby', 'go']);
  const text = await runCli(['chain', '--offline', '--sdk', 'all', '--profile', 'ci'], env);
  assertNoSecrets(text.stdout + text.stderr);
  const words = text.stdout.replace(/\s+/g, ' ');
  assert.match(words, /Each SDK as a program that names profile ci in code \(--profile\)/);
  assert.match(words, /env +skipped: a profile is named explicitly: botocore removes the env provider/);
  // A profile that does not exist: botocore stops with ProfileNotFound; Go (1.17.10) ignores the missing
  // profile but still skips the env keys, so it ends at IMDS (disabled here); Java still has the env keys.
  const missing = parseJson(await runCli(['chain', '--offline', '--json', '--sdk', 'all', '--profile', 'nope'], env));
  const m = Object.fromEntries(missing.sdks.map((s: any) => [s.sdk, s]));
  assert.equal(m.botocore.error, 'ProfileNotFound');
  assert.equal(m.go.active, null);
  assert.equal(m.java.active.source, 'env');
});

test('without --sdk: AWS_PROFILE and env keys — Node uses the profile; boto3, Ruby, Go and Java the env keys, Java marked as a model', async () => {
  const home = makeHome({ credentials: st('dev', 'AKIADEVPROFILE000084') });
  const env = { HOME: home, AWS_PROFILE: 'dev', AWS_ACCESS_KEY_ID: 'AKIAENVKEYS000000084', AWS_SECRET_ACCESS_KEY: CANARY.secret, ...OFF };
  const r = await runCli(['chain', '--offline'], env);
  assertNoSecrets(r.stdout + r.stderr);
  const words = r.stdout.replace(/\s+/g, ' ');
  assert.match(words, /Java \(AWS SDK for Java 2\.x\) \[model of the source\]: env AKIA…0084/);
  assert.match(words, /boto3 and the AWS CLI \(botocore\): env AKIA…0084/);
});

test('unknown SDK names are usage errors (exit 2, one line)', async () => {
  const r = await runCli(['chain', '--sdk', 'cobol'], { HOME: makeHome() });
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, /unknown SDK "cobol"; use js, python, cli, ruby, go, java or all/);
});

test('--sdk java: credential_process beats static keys in one profile, and a failing link never stops the chain', async () => {
  const home = makeHome({ credentials: `${st('default', 'AKIASTATICJAVA000079')}credential_process = /nonexistent/helper\n` });
  const r = await runCli(['chain', '--offline', '--sdk', 'java'], { HOME: home, ...OFF });
  assertNoSecrets(r.stdout + r.stderr);
  const words = r.stdout.replace(/\s+/g, ' ');
  assert.match(words, /Java \(AWS SDK for Java 2\.x\) \(aws-sdk-java-v2 2\.3x, model only\)/);
  // ProfileCredentialsUtils tries credential_process before aws_access_key_id; the process fails, so the profile link
  // fails and AwsCredentialsProviderChain moves on: container (not set), then IMDS, disabled by "true".
  assert.match(words, /uses: no credentials — SdkClientException/);
  assert.match(words, /profile fails, chain goes on: credential_process failed/);
  assert.doesNotMatch(words, /stops the chain/);
  const j = parseJson(await runCli(['chain', '--offline', '--json', '--sdk', 'java'], { HOME: home, ...OFF }));
  assert.deepEqual(j.sdks.map((s: any) => s.sdk), ['java']);
  assert.equal(j.sdks[0].verifiedBy, 'model');
  assert.deepEqual(j.sdks[0].differsFrom, ['js']);
});

test('--help names every modelled SDK version, as the models state it', async () => {
  const r = await runCli(['chain', '--help'], {});
  for (const s of SDKS) {
    assert.ok(SDK_HELP_TEXT.includes(s.version.split(' ').pop()!), `${s.sdk} ${s.version} missing from the help text`);
    assert.ok(r.stdout.includes(s.version.split(' ').pop()!), `${s.sdk} missing from --help`);
  }
  // Lines over 80 columns are re-wrapped by the help formatter and lose their alignment.
  for (const line of SDK_HELP_TEXT.split('\n')) assert.ok(line.length <= 80, line);
});
