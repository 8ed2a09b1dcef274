import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectProcess, safeCommand } from '../../src/areas/processes/probe.js';
import { runRules } from '../../src/kernel/rule.js';
import { RULES } from '../../src/rules.js';
import { codedeployCredentialsFile } from '../../src/areas/processes/patterns.js';
import { assertNoSecrets, CANARY } from '../helpers/home.js';

function startSleeper(env: Record<string, string>, extraArgs: string[] = []) {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', ...extraArgs], { env, stdio: 'ignore' });
  return child;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a process whose credentials file was rewritten after it started gets CC6001 at its file', async () => {
  const home = mkdtempSync(join(tmpdir(), 'cc-proc-'));
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(home, '.aws'));
  writeFileSync(join(home, '.aws', 'credentials'), '[default]\naws_access_key_id=AKIAABCDEFGHIJKLMNOP\n');
  const child = startSleeper({ HOME: home, PATH: process.env.PATH ?? '' });
  try {
    await sleep(2600); // /proc start times are precise to ~1 s (btime); the rule wants a 2 s margin
    writeFileSync(join(home, '.aws', 'credentials'), '[default]\naws_access_key_id=AKIAZZZZZZZZZZZZZZZZ\n');
    const info = await inspectProcess(child.pid!);
    assert.equal(info.status, 'ok');
    assert.equal(info.home, home);
    assert.ok(info.startedAt && Math.abs(Date.parse(info.startedAt) - Date.now()) < 60_000, `start time ${info.startedAt} should be recent`);
    const findings = runRules(RULES, { now: new Date().toISOString(), processes: { status: 'ok', ms: 0, value: { processes: [info] } } });
    const hit = findings.find((f) => f.code === 'CC6001');
    assert.ok(hit, JSON.stringify(findings));
    assert.equal(hit.file, join(home, '.aws', 'credentials'));
    assert.equal(hit.severity, 'warning'); // node is not a known read-once program
  } finally {
    child.kill();
  }
});

test('no CC6001 when the file is older than the process', async () => {
  const home = mkdtempSync(join(tmpdir(), 'cc-proc-'));
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(home, '.aws'));
  const path = join(home, '.aws', 'credentials');
  writeFileSync(path, '[default]\n');
  utimesSync(path, new Date(Date.now() - 3600_000), new Date(Date.now() - 3600_000));
  await sleep(20);
  const child = startSleeper({ HOME: home, PATH: process.env.PATH ?? '' });
  try {
    await sleep(200);
    const info = await inspectProcess(child.pid!);
    const findings = runRules(RULES, { now: new Date().toISOString(), processes: { status: 'ok', ms: 0, value: { processes: [info] } } });
    assert.equal(findings.filter((f) => f.code === 'CC6001').length, 0);
  } finally {
    child.kill();
  }
});

test('env session keys: names and masked id only, secrets never in facts; CC6003 raised', async () => {
  const child = startSleeper({
    PATH: process.env.PATH ?? '',
    AWS_ACCESS_KEY_ID: 'ASIAABCDEFGHIJKLWXYZ',
    AWS_SECRET_ACCESS_KEY: CANARY.secret,
    AWS_SESSION_TOKEN: CANARY.token,
    HTTPS_PROXY: `http://user:${CANARY.secret2}@proxy.example:3128`,
  });
  try {
    await sleep(200);
    const info = await inspectProcess(child.pid!);
    const text = JSON.stringify(info);
    assertNoSecrets(text);
    assert.ok(text.includes('ASIA…WXYZ'));
    const findings = runRules(RULES, { now: new Date().toISOString(), processes: { status: 'ok', ms: 0, value: { processes: [info] } } });
    assert.ok(findings.some((f) => f.code === 'CC6003'));
    assertNoSecrets(JSON.stringify(findings));
  } finally {
    child.kill();
  }
});

test('a dead PID is reported as not-found with CC6004, not a crash', async () => {
  const info = await inspectProcess(2 ** 22 + 12345);
  assert.equal(info.status, 'not-found');
  const findings = runRules(RULES, { now: new Date().toISOString(), processes: { status: 'ok', ms: 0, value: { processes: [info] } } });
  assert.equal(findings.find((f) => f.code === 'CC6004')?.severity, 'error');
});

test('CodeDeploy agent pointed at the default path gets CC6002 with the symlink fix', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-cd-'));
  const yml = join(dir, 'codedeploy.onpremises.yml');
  writeFileSync(yml, '---\niam_session_arn: arn:aws:sts::123456789012:assumed-role/R/S\naws_credentials_file: /root/.aws/credentials\nregion: ap-northeast-2\n');
  const child = startSleeper({ HOME: '/root', PATH: process.env.PATH ?? '' }, ['/opt/codedeploy-agent/bin/codedeploy-agent']);
  try {
    await sleep(200);
    const info = await inspectProcess(child.pid!, { ...process.env, CREDCHECK_CODEDEPLOY_CONFIG: yml });
    assert.equal(info.patterns[0]?.id, 'codedeploy-agent');
    assert.equal(info.patterns[0]?.awsCredentialsFile, '/root/.aws/credentials');
    const findings = runRules(RULES, { now: new Date().toISOString(), processes: { status: 'ok', ms: 0, value: { processes: [info] } } });
    const hit = findings.find((f) => f.code === 'CC6002');
    assert.ok(hit);
    assert.match(hit.fix, /ln -s \/root\/.aws\/credentials/);
  } finally {
    child.kill();
  }
});

test('command lines lose values after secret-looking flags', () => {
  assert.equal(safeCommand(['tool', '--secret-key', 'abc123456789', '--region', 'x']), 'tool --secret-key --region x');
  assert.equal(safeCommand(['tool', '--token=abcdefghijkl']), 'tool --token=…');
  assert.equal(codedeployCredentialsFile(':aws_credentials_file: "/etc/x"\n'), '/etc/x');
});
