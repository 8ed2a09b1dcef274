import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSync, writeSync, closeSync, ftruncateSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawnWatch, parseExposition } from '../helpers/watch.js';
import { makeHome, CANARY, assertNoSecrets } from '../helpers/home.js';

const keyId = (i: number) => `ASIAWATCHTEST${String(i).padStart(7, '0')}`;
const creds = (i: number, extra = '') =>
  `[default]\naws_access_key_id = ${keyId(i)}\naws_secret_access_key = ${CANARY.secret}${i}\naws_session_token = ${CANARY.token}${i}\n${extra}`;

// Each key lives ~0.8 s: a key replaced before watch could confirm it (two equal reads) is skipped
// by design, and a loaded machine can pause watch for a few hundred ms.
const N = 10;

test('truncate-in-place with slow partial writes: every rotation once, no false file-unreadable', async () => {
  const home = makeHome({ credentials: creds(0) });
  const path = join(home, '.aws', 'credentials');
  const w = spawnWatch(home, ['--interval', '1s', '--count', String(N + 1), '--for', '50s']);
  await w.waitFor((e) => e.some((x) => x.event === 'started'));
  for (let i = 1; i <= N; i++) {
    const text = creds(i);
    const fd = openSync(path, 'r+');
    ftruncateSync(fd, 0);
    writeSync(fd, text.slice(0, text.length / 2), 0);
    await sleep(50);
    writeSync(fd, text.slice(text.length / 2), Math.floor(text.length / 2));
    closeSync(fd);
    await sleep(750);
  }
  const code = await w.done;
  const events = w.events();
  assert.equal(code, 0, w.out());
  const rotated = events.filter((e) => e.event === 'rotated');
  assert.equal(rotated.length, N, w.out());
  rotated.forEach((e, i) => {
    assert.equal(e.oldKeyId, `ASIA…${keyId(i).slice(-4)}`);
    assert.equal(e.keyId, `ASIA…${keyId(i + 1).slice(-4)}`);
    assert.equal(e.schemaVersion, 1);
  });
  assert.ok(!events.some((e) => e.event === 'file-unreadable'), w.out());
  const stopped = events.at(-1);
  assert.equal(stopped.event, 'stopped');
  assert.equal(stopped.summary.rotations, N);
  assert.ok(stopped.summary.intervalMs.median > 300 && stopped.summary.intervalMs.median < 2000, JSON.stringify(stopped.summary));
  assertNoSecrets(w.out());
});

test('rename-over: every rotation once; textfile is valid exposition format without secrets', async () => {
  const home = makeHome({ credentials: creds(0) });
  const path = join(home, '.aws', 'credentials');
  const prom = join(home, 'credcheck.prom');
  const w = spawnWatch(home, ['--interval', '1s', '--count', String(N + 1), '--textfile', prom, '--for', '50s']);
  await w.waitFor((e) => e.some((x) => x.event === 'started'));
  for (let i = 1; i <= N; i++) {
    writeFileSync(`${path}.tmp`, creds(i));
    renameSync(`${path}.tmp`, path);
    await sleep(700);
  }
  assert.equal(await w.done, 0, w.out());
  const events = w.events();
  assert.equal(events.filter((e) => e.event === 'rotated').length, N, w.out());
  assert.ok(!events.some((e) => e.event === 'file-unreadable' || e.event === 'recovered'), w.out());
  const text = readFileSync(prom, 'utf8');
  const metrics = parseExposition(text);
  assert.equal(metrics.get('credcheck_rotations_total{profile="default",source="file"}'), N);
  assert.ok(metrics.has('credcheck_last_rotation_timestamp_seconds{profile="default",source="file"}'));
  assertNoSecrets(text + w.out());
});

test('a file that stays empty is reported once, then recovered', async () => {
  const home = makeHome({ credentials: creds(0) });
  const path = join(home, '.aws', 'credentials');
  const w = spawnWatch(home, ['--interval', '300ms', '--count', '3']);
  await w.waitFor((e) => e.some((x) => x.event === 'started'));
  writeFileSync(path, '');
  await w.waitFor((e) => e.some((x) => x.event === 'file-unreadable'));
  writeFileSync(path, creds(0));
  assert.equal(await w.done, 0, w.out());
  assert.deepEqual(w.events().map((e) => e.event), ['started', 'file-unreadable', 'recovered', 'stopped']);
});

test('SSM expiry in the past: expired and stalled within one interval; --exit-on error exits 1', async () => {
  const home = makeHome({ credentials: creds(0) });
  const ssm = join(home, 'identity_config.json');
  writeFileSync(ssm, JSON.stringify({ CredentialsExpiresAt: new Date(Date.now() - 60_000).toISOString() }));
  const w = spawnWatch(home, ['--interval', '500ms', '--for', '20s', '--exit-on', 'error', '--ssm-runtime-config', ssm]);
  const code = await w.done;
  assert.equal(code, 1, w.out());
  const names = w.events().map((e) => e.event);
  assert.deepEqual(names, ['started', 'expired', 'stopped'], w.out());
  assert.equal(w.events()[0].expiration !== undefined, true);
});

test('expiry key near: expiring then stalled past it; --for bounds the run', async () => {
  // Far enough ahead that a loaded machine still starts watch before it passes.
  const soon = new Date(Date.now() + 5000).toISOString();
  const home = makeHome({ credentials: creds(0, `aws_expiration = ${soon}\n`) });
  const w = spawnWatch(home, ['--interval', '300ms', '--for', '7s', '--warn-before', '10m']);
  assert.equal(await w.done, 0, w.out());
  const names = w.events().map((e) => e.event);
  assert.deepEqual(names, ['started', 'expiring', 'expired', 'stalled', 'stopped'], w.out());
});

