import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BIN, REPO_ROOT } from '../helpers/cli.js';

const run = promisify(execFile);
const UNIT = join(REPO_ROOT, 'contrib', 'systemd', 'credcheck-watch.service');

test('the systemd unit is hardened and passes systemd-analyze verify', async () => {
  const text = readFileSync(UNIT, 'utf8');
  for (const line of ['ProtectSystem=strict', 'ReadOnlyPaths=/', 'NoNewPrivileges=yes', 'ReadWritePaths=/var/lib/prometheus/node-exporter']) {
    assert.ok(text.split('\n').includes(line), `missing ${line}`);
  }
  // The only writable path is the textfile's directory.
  const textfile = /--textfile (\S+)/.exec(text)![1]!;
  assert.equal(textfile.slice(0, textfile.lastIndexOf('/')), '/var/lib/prometheus/node-exporter');
  assert.deepEqual(text.split('\n').filter((l) => l.startsWith('ReadWritePaths=')), ['ReadWritePaths=/var/lib/prometheus/node-exporter']);
  // verify insists the binary exists: point ExecStart at this checkout's, nothing else changed.
  const dir = mkdtempSync(join(tmpdir(), 'credcheck-unit-'));
  const copy = join(dir, 'credcheck-watch.service');
  writeFileSync(copy, text.replace('/usr/bin/credcheck ', `${BIN} `));
  const r = await run('systemd-analyze', ['verify', copy]).catch((e: { code: number; stdout: string; stderr: string }) => e);
  assert.equal('code' in r ? r.code : 0, 0, `${r.stdout}${r.stderr}`);
  assert.equal(r.stderr.trim(), '', r.stderr);
});
