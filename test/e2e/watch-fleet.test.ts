import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runCli } from '../helpers/cli.js';
import { makeHome, CANARY, assertNoSecrets } from '../helpers/home.js';
import { parseExposition, spawnWatch } from '../helpers/watch.js';
import { startImds } from '../servers/imds.js';
import { startContainer } from '../servers/container.js';
import { startSts } from '../servers/sts.js';

const keyId = (i: number) => `ASIAFLEETTEST${String(i).padStart(7, '0')}`;
const secret = (i: number) => `${CANARY.secret}${i}`;
const token = (i: number) => `${CANARY.token}${i}`;
const creds = (i: number, profile = 'default') => `[${profile}]\naws_access_key_id = ${keyId(i)}\naws_secret_access_key = ${secret(i)}\naws_session_token = ${token(i)}\n`;
const rename = (path: string, text: string) => {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
};

test('SSM share file: each rotated event carries the expiry the agent wrote for the NEW keys', async () => {
  const home = makeHome({ credentials: creds(0) + creds(100, 'app') });
  const path = join(home, '.aws', 'credentials');
  const ssm = join(home, 'identity_config.json');
  const expiry = (i: number) => new Date(Date.UTC(2030, 0, 1, i)).toISOString();
  const writeSsm = (i: number) => rename(ssm, JSON.stringify({ CredentialsExpiresAt: expiry(i), CredentialsRetrievedAt: new Date().toISOString(), ShareFile: path, ShareProfile: 'default' }));
  writeSsm(0);
  const w = spawnWatch(home, ['--ssm', '--profile', 'app', '--ssm-runtime-config', ssm, '--interval', '10s', '--count', '6']);
  await w.waitFor((e) => e.filter((x) => x.event === 'started').length === 2);
  for (let i = 1; i <= 4; i++) {
    // The agent's order: the credentials file first, its runtime config a moment later.
    rename(path, creds(i) + creds(100, 'app'));
    await sleep(150);
    writeSsm(i);
    await w.waitFor((e) => e.filter((x) => x.event === 'rotated').length >= i);
  }
  assert.equal(await w.done, 0, w.out());
  const events = w.events();
  // The agent's expiry is its share profile's, not that of another profile in the same file.
  assert.equal(events.find((e) => e.event === 'started' && e.profile === 'default').expiration, expiry(0), w.out());
  assert.equal(events.find((e) => e.event === 'started' && e.profile === 'app').expiration, undefined, w.out());
  const rotated = events.filter((e) => e.event === 'rotated');
  assert.deepEqual(rotated.map((e) => e.expiration), [1, 2, 3, 4].map(expiry), w.out());
  assertNoSecrets(w.out());
});

test('role and SSO profiles are not file keys: exit 2 naming what to watch instead', async () => {
  const home = makeHome({
    credentials: creds(0, 'base'),
    config: '[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deploy\nsource_profile = base\n\n[profile sso]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\n\n[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\nsso_region = eu-west-1\n',
  });
  const role = await runCli(['watch', '--profile', 'deploy'], { HOME: home });
  assert.equal(role.code, 2, role.stderr);
  assert.match(role.stderr, /assumes a role .* watch --profile base/);
  assert.doesNotMatch(role.stderr + role.stdout, /file-unreadable|no \[deploy\] profile/);
  const sso = await runCli(['watch', '--profile', 'sso'], { HOME: home });
  assert.equal(sso.code, 2, sso.stderr);
  assert.match(sso.stderr, /SSO profile.*aws sso login --sso-session corp/);
});

test('fleet: files, IMDS, container, a stale process and --validate in one watch; metrics in the textfile', async () => {
  const home = makeHome({ credentials: creds(0) + creds(100, 'app') });
  const path = join(home, '.aws', 'credentials');
  const prom = join(home, 'credcheck.prom');
  const imds = await startImds({ mode: 'rotation', rotateEveryMs: 2500 });
  const container = await startContainer({ authToken: 'Ct7Kq2Wm9Xv4Lp8Rz3NbHs6', credentials: { accessKeyId: 'ASIAFLEETCONTAINER01', secretAccessKey: 'Fq8nW3xK6tP1mZ9rC4vJ7hB2dL5sY0gT8aE3uNpR' } });
  const identity = (k: string, s: string, t?: string) => ({ accessKeyId: k, secretAccessKey: s, ...(t ? { sessionToken: t } : {}), arn: 'arn:aws:sts::123456789012:assumed-role/r/s', account: '123456789012', userId: 'AROA:s' });
  // STS knows the file keys and the container's, not IMDS's: validation fails for IMDS only.
  const sts = await startSts({ identities: [0, 1, 100].map((i) => identity(keyId(i), secret(i), token(i))).concat(identity('ASIAFLEETCONTAINER01', 'Fq8nW3xK6tP1mZ9rC4vJ7hB2dL5sY0gT8aE3uNpR', 'IQoJb3JpZ2luX2VjEFcaCXVzLWVhc3QtMSJHMEUCIQD7kR2mV9')), clockOffsetMs: -120_000 });
  // A consumer that read ~/.aws/credentials at start: a copy of sleep with a name of its own.
  const exe = join(home, 'fleetconsumer');
  copyFileSync('/bin/sleep', exe);
  const consumer = spawn(exe, ['60'], { env: { HOME: home, PATH: '/usr/bin:/bin' }, stdio: 'ignore' });
  await sleep(1100); // its start (1/100 s ticks, boot time in whole seconds) is well before any rotation
  const credsBefore = readFileSync(path, 'utf8');
  const w = spawnWatch(home, [
    '--profile', 'default', '--profile', 'app', '--imds', imds.url, '--imds-interval', '1s', '--container', container.fullUri,
    '--process', 'fleetconsumer', '--validate', '2s', '--clock-interval', '1s', '--interval', '500ms', '--heartbeat', '1s',
    '--textfile', prom, '--for', '40s',
  ], { AWS_ENDPOINT_URL_STS: sts.url, AWS_REGION: 'eu-west-1', AWS_CONTAINER_AUTHORIZATION_TOKEN: 'Ct7Kq2Wm9Xv4Lp8Rz3NbHs6' });
  try {
    assert.equal(readFileSync(path, 'utf8'), credsBefore, 'watch wrote to what it inspects');
    await w.waitFor((e) => e.filter((x) => x.event === 'validated').length >= 3 && e.some((x) => x.event === 'validation-failed'));
    rename(path, creds(1) + creds(100, 'app'));
    await w.waitFor((e) => e.some((x) => x.event === 'stale-process') && e.some((x) => x.event === 'rotated' && x.source.startsWith('imds:')));
    await w.waitFor((e) => e.some((x) => x.event === 'clock-skew'));
    await sleep(1500); // one more textfile write after the stale process was seen
    const m = parseExposition(readFileSync(prom, 'utf8'));
    consumer.kill();
    await w.waitFor((e) => e.some((x) => x.event === 'process-restarted'));
    // Fault: IMDS goes away; watch says so and keeps running.
    await imds.close();
    await w.waitFor((e) => e.some((x) => x.event === 'unreachable'));
    unlinkSync(path);
    await w.waitFor((e) => e.some((x) => x.event === 'file-unreadable'));
    // The textfile follows the events: wait until its next write shows the faults.
    let m2 = parseExposition(readFileSync(prom, 'utf8'));
    for (let i = 0; i < 100 && m2.get('credcheck_source_up{profile="default",source="file"}') !== 0; i++) {
      await sleep(100);
      m2 = parseExposition(readFileSync(prom, 'utf8'));
    }
    w.child.kill('SIGTERM');
    assert.equal(await w.done, 0, w.out());
    const events = w.events();
    const by = (name: string) => events.filter((e) => e.event === name);

    const file = 'profile="default",source="file"'; // the parser sorts labels
    assert.equal(by('rotated').filter((e) => e.profile === 'default').length, 1, w.out());
    assert.ok(by('rotated').some((e) => e.source === `imds:${imds.url}` && e.name === 'test-role'), w.out());
    assert.match(by('stale-process')[0].detail, /before the last rotation of .*credentials \[default\].*restart it/);
    assert.equal(by('stale-process')[0].name, 'fleetconsumer');
    assert.ok(by("validation-failed").length, w.out());
    assert.match(by("validation-failed")[0].source, /^imds:/);
    assert.match(by('validation-failed')[0].detail, /InvalidClientTokenId/);
    assert.ok(by('validated').some((e) => e.source.startsWith('container:')), w.out());
    assert.ok(Math.abs(by('clock-skew')[0].offsetMs - 120_000) < 3000, w.out());
    assert.ok(by('heartbeat').length >= 1);

    assert.equal(m.get(`credcheck_validation_ok{name="test-role",source="imds"}`), 0, [...m.keys()].join('\n'));
    assert.equal(m.get(`credcheck_validation_ok{${file}}`), 1);
    assert.equal(m.get('credcheck_rotations_total{profile="default",source="file"}'), 1);
    assert.equal(m.get('credcheck_stale_processes{process="fleetconsumer"}'), 1);
    assert.ok(Math.abs(m.get('credcheck_clock_offset_seconds')! - 120) < 3);
    assert.ok(m.get('credcheck_credentials_expiry_seconds{name="test-role",source="imds"}')! > 5 * 3600);
    assert.ok(Math.abs(m.get('credcheck_watch_heartbeat_timestamp_seconds')! - Date.now() / 1000) < 30);
    assert.equal(m.get('credcheck_source_up{name="/v2/credentials/test-task",source="container"}'), 1);
    assert.ok([...m.keys()].some((k) => k.startsWith('credcheck_build_info{version=')));
    assert.equal(m2.get('credcheck_source_up{name="test-role",source="imds"}'), 0);
    assert.equal(m2.get(`credcheck_source_up{${file}}`), 0);
    assert.equal(m2.get('credcheck_stale_processes{process="fleetconsumer"}'), 0);
    // Bounded labels: no key id, no pid anywhere in the metrics.
    const text = readFileSync(prom, 'utf8');
    assert.doesNotMatch(text, /ASIA|AKIA|pid=/);
    // IMDS asked within its limits: one token, then about one role+credentials pair per second.
    assert.equal(imds.requests.filter((r) => r.method === 'PUT').length, 1);
    assertNoSecrets(w.out() + text, [...Object.values(CANARY), 'Fq8nW3xK6tP1mZ9rC4vJ7hB2dL5sY0gT8aE3uNpR', 'Ct7Kq2Wm9Xv4Lp8Rz3NbHs6']);
  } finally {
    consumer.kill();
    w.child.kill('SIGKILL');
    await Promise.all([sts.close(), container.close(), imds.close().catch(() => undefined)]);
  }
});

test('disk full for the textfile: an event and a counter, watch keeps running and still sees rotations', async () => {
  const home = makeHome({ credentials: creds(0) });
  const path = join(home, '.aws', 'credentials');
  const prom = join(home, 'credcheck.prom');
  const w = spawnWatch(home, ['--interval', '300ms', '--textfile', prom, '--for', '30s'], { CREDCHECK_TEXTFILE_FAULT_DEVICE: '/dev/full' });
  await w.waitFor((e) => e.some((x) => x.event === 'textfile-failed'));
  rename(path, creds(1));
  await w.waitFor((e) => e.some((x) => x.event === 'rotated'));
  w.child.kill('SIGTERM');
  assert.equal(await w.done, 0, w.out());
  const events = w.events();
  assert.match(events.find((e) => e.event === 'textfile-failed').detail, /ENOSPC/);
  assert.equal(events.filter((e) => e.event === 'textfile-failed').length, 1, 'reported once, not per write');
  assert.ok(events.some((e) => e.event === 'rotated'));
  assert.equal(existsSync(prom), false);
  assert.equal(statSync(path).isFile(), true);
});

test('--all: profiles with keys, IMDS and the container endpoint from the environment; off EC2 without an endpoint, IMDS is left alone', async () => {
  const home = makeHome({ credentials: creds(0) + creds(100, 'app') + '[nokeys]\nregion = eu-west-1\n' });
  const imds = await startImds({ mode: 'v2' });
  const container = await startContainer({});
  try {
    const w = spawnWatch(home, ['--all', '--for', '4s'], { AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url, AWS_CONTAINER_CREDENTIALS_FULL_URI: container.fullUri });
    assert.equal(await w.done, 0, w.out());
    const started = w.events().filter((e) => e.event === 'started').map((e) => e.profile ?? e.source.split(':')[0]).sort();
    assert.deepEqual(started, ['app', 'container', 'default', 'imds'], w.out());
    // Off EC2 (DMI says so) and no endpoint set: nothing is sent to a link-local address.
    const sysfs = makeHome();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(sysfs, 'sys', 'class', 'dmi', 'id'), { recursive: true });
    writeFileSync(join(sysfs, 'sys', 'class', 'dmi', 'id', 'sys_vendor'), 'QEMU\n');
    const off = spawnWatch(home, ['--all', '--for', '2s'], { CREDCHECK_SYSFS_ROOT: sysfs, AWS_EC2_METADATA_SERVICE_ENDPOINT: '' });
    assert.equal(await off.done, 0, off.out());
    assert.ok(!off.events().some((e) => String(e.source).startsWith('imds:')), off.out());
    assert.match(off.out(), /IMDS not followed: not on EC2 per DMI/);
  } finally {
    await Promise.all([imds.close(), container.close()]);
  }
});

test('STS down: validation-failed (refused) and validation_ok 0, watch keeps following rotations', async () => {
  const home = makeHome({ credentials: creds(0) });
  const path = join(home, '.aws', 'credentials');
  const prom = join(home, 'credcheck.prom');
  const sts = await startSts({ identities: [] });
  const url = sts.url;
  await sts.close(); // a port nothing listens on any more
  const w = spawnWatch(home, ['--validate', '1s', '--interval', '300ms', '--textfile', prom, '--for', '30s'], { AWS_ENDPOINT_URL_STS: url, AWS_REGION: 'eu-west-1' });
  await w.waitFor((e) => e.some((x) => x.event === 'validation-failed'));
  rename(path, creds(1));
  await w.waitFor((e) => e.some((x) => x.event === 'rotated'));
  await sleep(800);
  const m = parseExposition(readFileSync(prom, 'utf8'));
  w.child.kill('SIGTERM');
  assert.equal(await w.done, 0, w.out());
  assert.match(w.events().find((e) => e.event === 'validation-failed').detail, /refused/);
  assert.equal(m.get('credcheck_validation_ok{profile="default",source="file"}'), 0);
  assert.equal(m.get('credcheck_rotations_total{profile="default",source="file"}'), 1);
});
