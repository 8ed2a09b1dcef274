import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseModInfo, readGoBuildInfo } from '../../src/areas/processes/runtime/go-buildinfo.js';
import { readElf } from '../../src/areas/processes/runtime/elf.js';
import { inspectProcess, probeProcesses } from '../../src/areas/processes/probe.js';
import { scanHost } from '../../src/areas/processes/scan.js';
import { runRules } from '../../src/kernel/rule.js';
import { RULES } from '../../src/rules.js';
import { REPO_ROOT } from '../helpers/cli.js';

const ESBUILD = join(REPO_ROOT, 'node_modules', '@esbuild', 'linux-x64', 'bin', 'esbuild');

test('Go build info of a real module-mode binary matches `go version -m`', async () => {
  const info = await readGoBuildInfo(ESBUILD);
  assert.ok(info, 'esbuild is a Go binary with build info');
  const go = spawnSync('go', ['version', '-m', ESBUILD], { encoding: 'utf8' });
  assert.equal(go.status, 0, go.stderr);
  const deps = go.stdout.split('\n').filter((l) => l.trim().startsWith('dep\t')).map((l) => l.trim().split('\t').slice(1, 3).join(' '));
  assert.ok(deps.length > 0);
  assert.deepEqual(info.modules.map((m) => `${m.path} ${m.version}`), deps);
  assert.equal(info.goVersion, go.stdout.split('\n')[0]!.split(': ')[1]);
});

test('module list text: deps, replacements and settings as Go writes them', () => {
  const sentinel = '0123456789abcdef';
  const text = `${sentinel}path\tex.com/app\nmod\tex.com/app\t(devel)\t\ndep\tgithub.com/aws/aws-sdk-go-v2\tv1.24.0\th1:x=\n=>\t/src/sdk\t\t\ndep\tgithub.com/aws/aws-sdk-go-v2/config\tv1.26.1\th1:y=\nbuild\tGOOS=linux\n${sentinel}`;
  const info = parseModInfo('go1.21.5', text);
  assert.equal(info.mainPath, 'ex.com/app');
  assert.deepEqual(info.modules.map((m) => m.path), ['github.com/aws/aws-sdk-go-v2', 'github.com/aws/aws-sdk-go-v2/config']);
  assert.equal(info.modules[0]!.replacedBy, '/src/sdk');
  assert.equal(info.settings.GOOS, 'linux');
});

test('a 1 GiB file is refused after reading its first 64 bytes; a lying section table is not followed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-elf-'));
  const big = join(dir, 'big');
  const fd = openSync(big, 'w');
  writeSync(fd, Buffer.from('not an elf'), 0, 10, 0);
  closeSync(fd);
  spawnSync('truncate', ['-s', '1G', big]); // sparse: costs no disk
  const t = performance.now();
  assert.equal(await readElf(big), undefined);
  const liar = Buffer.alloc(64);
  liar.writeUInt32BE(0x7f454c46, 0);
  liar[4] = 2;
  liar[5] = 1;
  liar.writeBigUInt64LE(2n ** 40n, 0x28); // section headers a TiB in
  liar.writeUInt16LE(64, 0x3a);
  liar.writeUInt16LE(65535, 0x3c);
  liar.writeUInt16LE(1, 0x3e);
  writeFileSync(join(dir, 'liar'), liar);
  assert.equal(await readElf(join(dir, 'liar')), undefined);
  assert.ok(performance.now() - t < 5000);
});

test('Java: the SDK generation and version come from the class path (a real JVM; the jars are empty stand-ins)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-java-'));
  writeFileSync(join(dir, 'Sleep.java'), 'public class Sleep { public static void main(String[] a) throws Exception { System.out.println("ready"); Thread.sleep(60000); } }');
  const jars = ['sdk-core-2.25.11.jar', 'auth-2.25.11.jar'].map((j) => join(dir, j));
  const child = spawn('java', ['-cp', jars.join(':'), join(dir, 'Sleep.java')], { stdio: ['ignore', 'pipe', 'ignore'], env: { PATH: process.env.PATH ?? '', HOME: dir } });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('JVM did not start')), 60_000);
      child.stdout!.on('data', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    const info = await inspectProcess(child.pid!);
    assert.equal(info.runtime?.runtime, 'java');
    assert.equal(info.runtime?.sdk, 'java-v2');
    assert.equal(info.runtime?.sdkVersion, '2.25.11');
  } finally {
    child.kill();
  }
});

function fakeRoot(): { root: string; home: string } {
  const root = mkdtempSync(join(tmpdir(), 'cc-fakeproc-'));
  const home = mkdtempSync(join(tmpdir(), 'cc-fakehome-'));
  mkdirSync(join(home, '.aws'));
  writeFileSync(join(home, '.aws', 'credentials'), '[default]\naws_access_key_id = AKIAFAKEPROCSCAN0001\naws_secret_access_key = notasecret\n');
  writeFileSync(join(root, 'stat'), `btime ${Math.floor(Date.now() / 1000) - 3600}\n`);
  const add = (pid: number, exe: string, argv: string[], env: string[]) => {
    const d = join(root, String(pid));
    mkdirSync(join(d, 'fd'), { recursive: true });
    symlinkSync(exe, join(d, 'exe'));
    writeFileSync(join(d, 'cmdline'), `${argv.join('\0')}\0`);
    writeFileSync(join(d, 'comm'), `${argv[0]!.split('/').pop()}\n`);
    writeFileSync(join(d, 'environ'), `${env.join('\0')}\0`);
    writeFileSync(join(d, 'stat'), `${pid} (x) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 100 0 0\n`);
    writeFileSync(join(d, 'status'), 'Uid:\t0\t0\t0\t0\n');
    writeFileSync(join(d, 'maps'), '');
  };
  add(10, '/bin/sh', ['/bin/sh'], [`HOME=${home}`]);
  add(11, '/bin/sh', ['/bin/sh', '-c', 'deploy'], [`HOME=${home}`, 'AWS_PROFILE=default']);
  add(12, ESBUILD, ['/opt/telegraf/telegraf', '--config', 'x'], ['HOME=/nonexistent']);
  add(13, '/bin/sleep', ['sleep', '100'], ['HOME=/nonexistent']);
  mkdirSync(join(root, 'self')); // not a PID
  return { root, home };
}

test('--processes lists AWS users only (AWS_* variables, known agents), with their files; --pid NAME selects by name', async () => {
  const { root, home } = fakeRoot();
  const env = { ...process.env, CREDCHECK_PROC_ROOT: root };
  const facts = await scanHost(env);
  assert.equal(facts.scan?.total, 4);
  assert.deepEqual(facts.processes.map((p) => p.pid), [11, 12]);
  assert.equal(facts.processes[0]!.files[0]!.path, join(home, '.aws', 'credentials'));
  assert.equal(facts.processes[0]!.model?.source, 'shared-file-keys');
  assert.equal(facts.processes[1]!.patterns[0]?.id, 'telegraf');
  assert.equal(facts.processes[1]!.runtime?.runtime, 'go', 'the Go build info is read through /proc/PID/exe');
  const byName = await probeProcesses(['telegraf', 'nosuch'], env);
  assert.deepEqual(byName.processes.map((p) => [p.pid, p.status]), [[12, 'ok'], [0, 'not-found']]);
  const findings = runRules(RULES, { now: new Date().toISOString(), processes: { status: 'ok', ms: 0, value: byName } });
  assert.match(findings.find((f) => f.code === 'CC6004')?.message ?? '', /No running process is named nosuch/);
});

test('CC6007 reports processes of other users as a finding, with examples', () => {
  const findings = runRules(RULES, { now: new Date().toISOString(), processes: { status: 'ok', ms: 0, value: { processes: [], scan: { total: 300, notPermitted: 12, notPermittedExamples: ['PID 77 postgres'], using: 0, elapsedMs: 5 } } } });
  const f = findings.find((x) => x.code === 'CC6007');
  assert.ok(f);
  assert.match(f.message, /12 of 300/);
  assert.match(f.fix, /sudo credcheck doctor --processes/);
});
