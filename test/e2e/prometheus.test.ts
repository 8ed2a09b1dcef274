import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../helpers/cli.js';
import { makeHome, CANARY, assertNoSecrets } from '../helpers/home.js';
import { spawnWatch } from '../helpers/watch.js';

const run = promisify(execFile);
const RULES = join(REPO_ROOT, 'contrib', 'prometheus');

test('the shipped alert rules pass promtool check and their unit tests (real promtool)', async () => {
  const check = await run('promtool', ['check', 'rules', 'credcheck.rules.yml'], { cwd: RULES });
  assert.match(check.stdout, /SUCCESS: 8 rules found/);
  const unit = await run('promtool', ['test', 'rules', 'credcheck.rules.test.yml'], { cwd: RULES });
  assert.match(unit.stdout + unit.stderr, /SUCCESS/);
});

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

/** Only the credcheck samples and node_exporter's own textfile health, keyed by name{labels}. */
function scrape(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^((?:credcheck|node_textfile)_[a-z_]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (m) out.set(m[1]!, Number(m[2]));
  }
  return out;
}

test('end to end: watch → textfile → real node_exporter scrape follows rotations', async () => {
  const keyId = (i: number) => `ASIANODEEXPORT${String(i).padStart(6, '0')}`;
  const creds = (i: number) => `[default]\naws_access_key_id = ${keyId(i)}\naws_secret_access_key = ${CANARY.secret}${i}\naws_session_token = ${CANARY.token}${i}\naws_expiration = ${new Date(Date.now() + 3600_000).toISOString()}\n`;
  const home = makeHome({ credentials: creds(0) });
  const path = join(home, '.aws', 'credentials');
  const dir = join(home, 'textfile');
  mkdirSync(dir);
  const port = await freePort();
  const exporter = spawn('prometheus-node-exporter', [
    `--web.listen-address=127.0.0.1:${port}`, `--collector.textfile.directory=${dir}`, '--collector.disable-defaults', '--collector.textfile',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let exporterLog = '';
  exporter.stderr.on('data', (d) => (exporterLog += d));
  const w = spawnWatch(home, ['--interval', '300ms', '--textfile', join(dir, 'credcheck.prom'), '--for', '40s']);
  const get = async () => {
    for (let i = 0; i < 100; i++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/metrics`);
        return await res.text();
      } catch {
        await sleep(100); // node_exporter still starting
      }
    }
    throw new Error(`node_exporter never answered\n${exporterLog}`);
  };
  const until = async (pred: (m: Map<string, number>) => boolean) => {
    let m = scrape(await get());
    for (let i = 0; i < 100 && !pred(m); i++) {
      await sleep(100);
      m = scrape(await get());
    }
    return m;
  };
  const series = (name: string) => `${name}{profile="default",source="file"}`;
  try {
    await w.waitFor((e) => e.some((x) => x.event === 'started'));
    let m = await until((s) => s.has(series('credcheck_rotations_total')));
    assert.equal(m.get(series('credcheck_rotations_total')), 0, exporterLog);
    assert.equal(m.get(series('credcheck_source_up')), 1);
    for (let i = 1; i <= 3; i++) {
      writeFileSync(`${path}.tmp`, creds(i));
      renameSync(`${path}.tmp`, path);
      await w.waitFor((e) => e.filter((x) => x.event === 'rotated').length >= i);
    }
    m = await until((s) => s.get(series('credcheck_rotations_total')) === 3);
    const text = await get();
    assert.equal(m.get(series('credcheck_rotations_total')), 3, text);
    const expiry = m.get(series('credcheck_credentials_expiry_seconds'))!;
    assert.ok(expiry > 3000 && expiry <= 3600, `expiry ${expiry}`);
    assert.ok(Math.abs(m.get(series('credcheck_last_rotation_timestamp_seconds'))! - Date.now() / 1000) < 60);
    assert.ok(Math.abs(m.get('credcheck_watch_heartbeat_timestamp_seconds')! - Date.now() / 1000) < 60);
    assert.equal(m.get('node_textfile_scrape_error'), 0, text);
    assert.doesNotMatch(text, /ASIANODEEXPORT/);
    assertNoSecrets(text + w.out());
  } finally {
    w.child.kill('SIGTERM');
    exporter.kill('SIGTERM');
    await w.done.catch(() => undefined);
  }
});
