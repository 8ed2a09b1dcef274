import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseJson, REPO_ROOT, runCli } from '../helpers/cli.js';
import { assertNoSecrets, CANARY } from '../helpers/home.js';

const TRAPS = join(REPO_ROOT, 'test', 'fixtures', 'traps');

const CLEAN_CREDENTIALS = `[default]
aws_access_key_id = AKIAABCDEFGHIJKLMNOP
aws_secret_access_key = ${CANARY.secret}

[deploy]
aws_access_key_id = ASIAQRSTUVWXYZ234567
aws_secret_access_key = ${CANARY.secret2}
aws_session_token = ${CANARY.token}
`;

const CLEAN_CONFIG = `[default]
region = eu-west-1
output = json

[profile deploy]
region = us-east-1

[profile admin]
role_arn = arn:aws:iam::123456789012:role/admin
source_profile = default
`;

/** A temp dir with a credentials and a config file (mode 600); returns the args that select them. */
function pair(credentials: string, config: string): { dir: string; args: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'cc-e2e-file-'));
  writeFileSync(join(dir, 'credentials'), credentials);
  writeFileSync(join(dir, 'config'), config);
  chmodSync(join(dir, 'credentials'), 0o600);
  chmodSync(join(dir, 'config'), 0o600);
  return { dir, args: ['--credentials-file', join(dir, 'credentials'), '--config-file', join(dir, 'config')] };
}

interface Trap {
  file: string;
  code: string;
  line?: number;
  extra: string[];
}

/** Each trap states what it must produce on its first line: "# expect: CODE@LINE [args…]". */
function traps(): Trap[] {
  return readdirSync(TRAPS).sort().map((file) => {
    const first = readFileSync(join(TRAPS, file), 'utf8').split('\n')[0] ?? '';
    const m = /^# expect: (CC\d{4})(?:@(\d+))?(.*)$/.exec(first);
    assert.ok(m, `${file} has no "# expect:" line`);
    const trap: Trap = { file, code: m[1]!, extra: m[3]!.trim().split(/\s+/).filter(Boolean) };
    if (m[2]) trap.line = Number(m[2]);
    return trap;
  });
}

test('there is a trap file for every files rule that can be shown with one file', () => {
  const codes = new Set(traps().map((t) => t.code));
  for (const code of ['CC1001', 'CC1002', 'CC1003', 'CC1004', 'CC1005', 'CC1006', 'CC1007', 'CC1008', 'CC1009', 'CC1010', 'CC1011', 'CC1012', 'CC1013', 'CC1014', 'CC1015', 'CC1016', 'CC1017', 'CC1018', 'CC1019', 'CC1020', 'CC1021', 'CC1022', 'CC1023', 'CC1032', 'CC1033', 'CC1034', 'CC1035']) {
    assert.ok(codes.has(code), `no trap for ${code}`);
  }
});

test('each trap is reported with its code, file and line, a fix, and no secret', async () => {
  const list = traps();
  // A few at a time: each is a separate CLI process.
  for (let i = 0; i < list.length; i += 6) {
    await Promise.all(
      list.slice(i, i + 6).map(async (trap) => {
        const isCredentials = trap.file.endsWith('.credentials');
        const { dir, args } = pair(CLEAN_CREDENTIALS, CLEAN_CONFIG);
        const target = join(dir, isCredentials ? 'credentials' : 'config');
        copyFileSync(join(TRAPS, trap.file), target);
        chmodSync(target, 0o600);
        const result = await runCli(['file', ...args, ...trap.extra, '--json'], { HOME: dir });
        assertNoSecrets(result.stdout + result.stderr);
        const report = parseJson(result);
        const hits = report.findings.filter((f: any) => f.code === trap.code);
        assert.ok(hits.length > 0, `${trap.file}: expected ${trap.code}, got ${report.findings.map((f: any) => f.code).join(', ') || 'nothing'}`);
        const hit = trap.line === undefined ? hits[0] : hits.find((f: any) => f.line === trap.line);
        assert.ok(hit, `${trap.file}: ${trap.code} not at line ${trap.line} (got lines ${hits.map((f: any) => f.line).join(', ')})`);
        if (trap.line !== undefined) assert.equal(hit.file, target, `${trap.file}: finding names the wrong file`);
        assert.ok(hit.fix.length > 10, `${trap.file}: fix too thin`);
        const worst = report.findings.some((f: any) => f.severity === 'error') ? 1 : 0;
        assert.equal(result.code, worst, `${trap.file}: exit code`);
        // The text report shows the same finding, still without secrets.
        const text = await runCli(['file', ...args, ...trap.extra], { HOME: dir });
        assertNoSecrets(text.stdout + text.stderr);
        assert.match(text.stdout, new RegExp(trap.code));
      }),
    );
  }
});

test('a clean credentials + config pair reports nothing and exits 0', async () => {
  const { dir, args } = pair(CLEAN_CREDENTIALS, CLEAN_CONFIG);
  const json = await runCli(['file', ...args, '--json'], { HOME: dir });
  const report = parseJson(json);
  assert.deepEqual(report.findings, []);
  assert.equal(json.code, 0);
  const text = await runCli(['file', ...args], { HOME: dir });
  assert.equal(text.code, 0);
  assert.match(text.stdout, /deploy/);
  assertNoSecrets(json.stdout + json.stderr + text.stdout + text.stderr);
});

test('--json shape: schemaVersion, command, files, profiles, findings; key ids masked', async () => {
  const { dir, args } = pair(CLEAN_CREDENTIALS, CLEAN_CONFIG);
  const report = parseJson(await runCli(['file', ...args, '--profile', 'deploy', '--json'], { HOME: dir }));
  assert.equal(typeof report.schemaVersion, 'number');
  assert.equal(report.command, 'file');
  assert.ok(Array.isArray(report.findings));
  assert.deepEqual(report.files.map((f: any) => [f.kind, f.path, f.source, f.status]), [
    ['credentials', join(dir, 'credentials'), '--credentials-file', 'ok'],
    ['config', join(dir, 'config'), '--config-file', 'ok'],
  ]);
  assert.deepEqual(report.profile, { name: 'deploy', source: '--profile' });
  const deploy = report.profiles.find((p: any) => p.name === 'deploy');
  assert.equal(deploy.accessKeyId, 'ASIA…4567');
  assert.equal(deploy.keyType, 'temporary');
  assert.equal(deploy.region, 'us-east-1');
  assert.deepEqual([...deploy.keys].sort(), ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'region']);
  assert.deepEqual(report.profiles.map((p: any) => p.name).sort(), ['admin', 'default', 'deploy']);
  assert.equal(report.profiles.find((p: any) => p.name === 'admin').kind, 'assume-role');
});

test('exit codes: 0 below the threshold, 1 with --fail-on warning, 2 on a bad flag', async () => {
  // Only warnings: a duplicate key (which also makes botocore's configparser reject the file: CC1039).
  const { dir, args } = pair(`${CLEAN_CREDENTIALS}region = us-east-1\nregion = us-east-2\n`, CLEAN_CONFIG);
  const plain = await runCli(['file', ...args, '--json'], { HOME: dir });
  assert.deepEqual(parseJson(plain).findings.map((f: any) => [f.code, f.severity]), [['CC1035', 'warning'], ['CC1039', 'warning']]);
  assert.equal(plain.code, 0);
  assert.equal((await runCli(['file', ...args, '--fail-on', 'warning'], { HOME: dir })).code, 1);
  const bad = await runCli(['file', '--no-such-flag'], { HOME: dir });
  assert.equal(bad.code, 2);
  assert.doesNotMatch(bad.stderr, /\n\s+at /, 'no stack trace');
});

test('colour: none with NO_COLOR, ANSI escapes with --color', async () => {
  const { dir, args } = pair(CLEAN_CREDENTIALS, `${CLEAN_CONFIG}[dev]\nregion = x\n`);
  const plain = await runCli(['file', ...args], { HOME: dir, NO_COLOR: '1' });
  assert.equal(plain.code, 1);
  assert.doesNotMatch(plain.stdout, /\u001b\[/);
  const coloured = await runCli(['file', ...args, '--color'], { HOME: dir, NO_COLOR: '1' });
  assert.match(coloured.stdout, /\u001b\[/);
  const json = await runCli(['file', ...args, '--json', '--color'], { HOME: dir });
  assert.doesNotMatch(json.stdout, /\u001b\[/, 'JSON is never coloured');
});

test('default locations: HOME/.aws, and a missing default pair is only info', async () => {
  const home = mkdtempSync(join(tmpdir(), 'cc-e2e-home-'));
  const result = await runCli(['file', '--json'], { HOME: home });
  const report = parseJson(result);
  assert.equal(result.code, 0);
  assert.deepEqual(report.findings.map((f: any) => [f.code, f.severity]), [['CC1024', 'info']]);
  assert.equal(report.files[0].path, join(home, '.aws', 'credentials'));
  assert.match(report.files[0].source, /default \(home from HOME\)/);
  const explicit = parseJson(await runCli(['file', '--json'], { HOME: home, AWS_SHARED_CREDENTIALS_FILE: join(home, 'nope') }));
  assert.ok(explicit.findings.some((f: any) => f.code === 'CC1024' && f.severity === 'warning' && f.file === join(home, 'nope')));
});

test('world-readable credentials file: CC1030 with chmod 600 as the fix', async () => {
  const { dir, args } = pair(CLEAN_CREDENTIALS, CLEAN_CONFIG);
  chmodSync(join(dir, 'credentials'), 0o644);
  const report = parseJson(await runCli(['file', ...args, '--json'], { HOME: dir }));
  const hit = report.findings.find((f: any) => f.code === 'CC1030');
  assert.ok(hit);
  assert.equal(hit.fix, `chmod 600 ${join(dir, 'credentials')}`);
});

test('sudo: no CC1031 when the invoking user has no AWS files (the positive case is in files-rules unit tests)', async (t) => {
  // The invoking user's home comes from /etc/passwd; use any account whose home holds .aws files we create.
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n').map((l) => l.split(':'));
  const { dir, args } = pair(CLEAN_CREDENTIALS, CLEAN_CONFIG);
  const user = passwd.find((f) => f[5] && f[0] !== 'root' && f[5] !== '/' && f[5] !== dir);
  assert.ok(user, 'a non-root account in /etc/passwd');
  const report = parseJson(await runCli(['file', ...args, '--json'], { HOME: dir, SUDO_USER: user[0], SUDO_UID: '1000' }));
  assert.equal(report.findings.filter((f: any) => f.code === 'CC1031').length, 0, 'no finding when that user has no AWS files');
  t.diagnostic(`checked SUDO_USER=${user[0]} (${user[5]})`);
});

test('a pasted base64 token ("…==") parses as a key: it is still never printed', async () => {
  const pasted = `${CANARY.token2}==`;
  const { dir, args } = pair(`${pasted}\n${CLEAN_CREDENTIALS}${pasted}\n${pasted}\n`, CLEAN_CONFIG);
  for (const extra of [[], ['--json']]) {
    const result = await runCli(['file', ...args, ...extra], { HOME: dir });
    assertNoSecrets(result.stdout + result.stderr);
    assert.match(result.stdout, /CC1009/, 'the orphan line is still reported');
    assert.match(result.stdout, /CC1035/, 'and the duplicate');
  }
});
