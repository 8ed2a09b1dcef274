import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync, openSync, closeSync, ftruncateSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, parseJson, runCli, SAFE_ENV, type CliResult } from '../helpers/cli.js';
import { publicCli, publicCliRoot } from '../helpers/public-cli.js';

/** "Did not hang" bound: the real figure is well under a second (`npm run bench`); 15 s keeps a loaded CI robust. */
const HANG_BOUND_MS = 15_000;

function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'cc-hostile-'));
  writeFileSync(join(d, 'config'), '[default]\nregion = us-east-1\n');
  return d;
}

/** Runs `credcheck file --json` on a hostile credentials file and checks the common promises. */
async function hostile(path: string, home: string, run: (args: string[]) => Promise<CliResult> = (a) => runCli(a, { HOME: home })) {
  const result = await run(['file', '--credentials-file', path, '--config-file', join(home, 'config'), '--json']);
  assert.ok(result.ms < HANG_BOUND_MS, `took ${Math.round(result.ms)} ms`);
  assert.doesNotMatch(result.stderr + result.stdout, /\n\s+at .+:\d+:\d+/, 'no stack trace');
  assert.ok(result.code === 0 || result.code === 1, `exit ${result.code}: ${result.stderr}`);
  const report = parseJson(result);
  return { result, report, credentials: report.files[0] };
}

test('random bytes: read, flagged as not UTF-8, no crash', async () => {
  const d = dir();
  const bytes = randomBytes(64 * 1024);
  bytes[0] = 0xff; // guarantee an invalid UTF-8 byte
  writeFileSync(join(d, 'credentials'), bytes);
  chmodSync(join(d, 'credentials'), 0o600);
  const { report } = await hostile(join(d, 'credentials'), d);
  assert.ok(report.findings.some((f: any) => f.code === 'CC1028'));
});

test('a 50 MB file: refused as too large, not read whole', async () => {
  const d = dir();
  const fd = openSync(join(d, 'credentials'), 'w');
  ftruncateSync(fd, 50 * 1024 * 1024);
  closeSync(fd);
  const { report, credentials } = await hostile(join(d, 'credentials'), d);
  assert.equal(credentials.status, 'too-large');
  assert.ok(report.findings.some((f: any) => f.code === 'CC1027' && f.severity === 'error'));
});

test('a FIFO: never opened for reading, reported as not a regular file', async () => {
  const d = dir();
  execFileSync('mkfifo', [join(d, 'credentials')]);
  const { report, credentials } = await hostile(join(d, 'credentials'), d);
  assert.equal(credentials.fileType, 'fifo');
  const hit = report.findings.find((f: any) => f.code === 'CC1026');
  assert.match(hit.message, /block forever/);
});

test('/dev/zero as --credentials-file: reported as a device, not read forever', async () => {
  const d = dir();
  const { report, credentials } = await hostile('/dev/zero', d);
  assert.equal(credentials.fileType, 'character-device');
  assert.match(report.findings.find((f: any) => f.code === 'CC1026').message, /never comes/);
});

test('a directory: reported as not a regular file', async () => {
  const d = dir();
  mkdirSync(join(d, 'credentials'));
  const { report, credentials } = await hostile(join(d, 'credentials'), d);
  assert.equal(credentials.fileType, 'directory');
  assert.ok(report.findings.some((f: any) => f.code === 'CC1026'));
});

test('a symlink loop: unreadable, with the loop named', async () => {
  const d = dir();
  symlinkSync(join(d, 'b'), join(d, 'a'));
  symlinkSync(join(d, 'a'), join(d, 'b'));
  const { report } = await hostile(join(d, 'a'), d);
  const hit = report.findings.find((f: any) => f.code === 'CC1029');
  assert.match(hit.message, /symbolic link loop/);
});

test('permission denied: unreadable (as root, the CLI runs as nobody so the check means something)', async () => {
  const d = dir();
  chmodSync(d, 0o755);
  writeFileSync(join(d, 'credentials'), '[default]\nregion = us-east-1\n');
  chmodSync(join(d, 'credentials'), 0o600);
  chmodSync(join(d, 'config'), 0o644);
  const asRoot = process.getuid?.() === 0;
  if (!asRoot) chmodSync(join(d, 'credentials'), 0o000);
  const cli = asRoot ? publicCli() : BIN; // copied before the clock starts
  const run = (args: string[]) =>
    new Promise<CliResult>((resolve) => {
      const start = performance.now();
      // As nobody, the CLI must be readable by nobody: a private (0700) checkout is not, so run a public copy.
      const child = spawn(process.execPath, [cli, ...args], {
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...SAFE_ENV, HOME: d },
        stdio: ['ignore', 'pipe', 'pipe'],
        // Root reads everything; drop to the "nobody" account so EACCES really happens.
        ...(asRoot ? { uid: 65534, gid: 65534, cwd: publicCliRoot() } : {}),
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (x) => (stdout += x));
      child.stderr.on('data', (x) => (stderr += x));
      child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - start }));
    });
  const { report, credentials } = await hostile(join(d, 'credentials'), d, run);
  assert.equal(credentials.status, 'unreadable');
  assert.match(report.findings.find((f: any) => f.code === 'CC1029').message, /permission denied/);
});

test('an empty file: CC1025', async () => {
  const d = dir();
  writeFileSync(join(d, 'credentials'), '\n  \n');
  chmodSync(join(d, 'credentials'), 0o600);
  const { report } = await hostile(join(d, 'credentials'), d);
  assert.ok(report.findings.some((f: any) => f.code === 'CC1025'));
});

test('a path through a regular file (ENOTDIR) is a one-line finding, not a crash', async () => {
  const d = dir();
  const { report } = await hostile(join(d, 'config', 'credentials'), d);
  assert.ok(report.findings.some((f: any) => f.code === 'CC1024'));
});

test('a newline in AWS_PROFILE cannot forge a line of the report ("✓ No problems found.")', async () => {
  const d = dir();
  const forged = 'ghost\n\n✓ No problems found.';
  const result = await runCli(['doctor', '--offline'], { HOME: d, AWS_CONFIG_FILE: join(d, 'config'), AWS_PROFILE: forged });
  assert.equal(result.code, 1, result.stderr);
  assert.doesNotMatch(result.stdout, /^\s*✓ No problems found/m, 'no line of the report starts with the forged verdict');
  assert.match(result.stdout.replace(/\s+/g, ' '), /ghost\\x0a\\x0a✓ No problems found\./, 'the name is shown, its newlines visible');
});
