import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { BIN, REPO_ROOT, SAFE_ENV } from '../helpers/cli.js';
import { singleExecutables } from '../helpers/executables.js';
import { makeHome } from '../helpers/home.js';

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], env: Record<string, string>): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(file, args, { env, timeout: 120_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/**
 * Runs the executable with no environment but `env` (as `env -i` does) inside a new mount
 * namespace where every `node` on the host's PATH is covered by /dev/null, and first proves that
 * `node` cannot run there.
 */
function runWithoutNode(executable: string, args: string[], env: Record<string, string>): Promise<Ran> {
  const script = [
    'for n in $(PATH=/usr/local/bin:/usr/bin:/bin which -a node); do mount --bind /dev/null "$n"; done',
    'if PATH=/usr/local/bin:/usr/bin:/bin node -e 0 2>/dev/null; then echo "node still runs" >&2; exit 99; fi',
    'exec env -i "$@"',
  ].join('\n');
  const pairs = Object.entries(env).map(([k, v]) => `${k}=${v}`);
  return run('unshare', ['-rm', 'sh', '-c', script, 'sh', ...pairs, executable, ...args], {});
}

/** Timestamps and durations differ from one run to the next whatever runs them: keep only their type. */
const TIMES = new Set(['generatedAt', 'elapsedMs', 'ms']);
function withoutTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTimes);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, TIMES.has(k) ? `<${typeof v}>` : withoutTimes(v)]));
}

function elfMachine(path: string): number {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(20);
    readSync(fd, header, 0, 20, 0);
    assert.deepEqual([...header.subarray(0, 4)], [0x7f, 0x45, 0x4c, 0x46], `${path} is not an ELF file`);
    return header.readUInt16LE(18);
  } finally {
    closeSync(fd);
  }
}

const EM_X86_64 = 62;
const EM_AARCH64 = 183;

describe('single executables (npm run dist)', () => {
  let x64 = '';
  let arm64 = '';
  const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const home = makeHome({
    credentials: '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = CANARYsecretKEY0000000000000000000000001\n\n[dev]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\n',
    config: '[profile dev]\nregion = eu-west-1\n\n[profile ops]\nrole_arn = arn:aws:iam::111122223333:role/ops\nsource_profile = dev\n',
  });
  const env = { ...SAFE_ENV, HOME: home };

  before(async () => {
    ({ x64, arm64 } = await singleExecutables());
  });

  it('the x64 one is an x86-64 executable and prints its version where node cannot run', async () => {
    assert.equal(elfMachine(x64), EM_X86_64);
    const plain = await run('env', ['-i', x64, '--version'], {});
    assert.equal(plain.code, 0, plain.stderr);
    assert.equal(plain.stdout.trim(), version);
    const hidden = await runWithoutNode(x64, ['--version'], {});
    assert.equal(hidden.code, 0, hidden.stderr);
    assert.equal(hidden.stdout.trim(), version);
  });

  it('doctor --offline --json prints what the npm build prints, but for times', async () => {
    const fromNpm = await run(process.execPath, [BIN, 'doctor', '--offline', '--json'], { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env });
    const fromExecutable = await runWithoutNode(x64, ['doctor', '--offline', '--json'], env);
    assert.equal(fromExecutable.code, fromNpm.code, fromExecutable.stderr);
    const a = JSON.parse(fromNpm.stdout) as Record<string, unknown>;
    const b = JSON.parse(fromExecutable.stdout) as Record<string, unknown>;
    assert.equal(typeof b.generatedAt, 'string');
    assert.equal(b.schemaVersion, 1);
    assert.deepEqual(withoutTimes(b), withoutTimes(a));
    // The comparison means something only if doctor saw the fixture's profiles.
    assert.match(fromExecutable.stdout, /"ops"/);
    assert.doesNotMatch(fromExecutable.stdout, /CANARYsecret/);
  });

  it('explain reads the finding pages carried inside the executable', async () => {
    const page = readFileSync(join(REPO_ROOT, 'docs', 'findings', 'CC1001.md'), 'utf8');
    const shown = await runWithoutNode(x64, ['explain', 'cc1001'], { HOME: home });
    assert.equal(shown.code, 0, shown.stderr);
    assert.equal(shown.stdout, page.endsWith('\n') ? page : `${page}\n`);
    const unknown = await run('env', ['-i', x64, 'explain', 'CC0999'], {});
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no finding CC0999/);
  });

  it('the arm64 one is an aarch64 executable that runs (under qemu-user)', async () => {
    assert.equal(elfMachine(arm64), EM_AARCH64);
    // One run (qemu is slow to start a 120 MB program): it proves the program starts and reads its assets.
    const page = await run('qemu-aarch64', ['-L', '/usr/aarch64-linux-gnu', arm64, 'explain', 'CC1001'], {});
    assert.equal(page.code, 0, page.stderr);
    assert.match(page.stdout, /^# CC1001/);
  });
});
