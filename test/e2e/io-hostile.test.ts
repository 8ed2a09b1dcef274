import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, SAFE_ENV } from '../helpers/cli.js';
import { snapshotTree } from '../helpers/snapshot.js';
import { startHostile, type HostileMode } from '../servers/hostile.js';

/**
 * Hostile files and hostile servers × the commands that meet them. Every run must: finish (the
 * bound is generous: a hang is minutes, not seconds), print something and exit 0 or 1 (never a
 * silent exit, never 2 = "credcheck could not run", never a signal), write nothing under HOME, and
 * — where the input is hostile — never say "No problems found" / exit 0. Responses are capped, so
 * a 1 GiB body never takes the process past a few hundred MB. The tally is printed for the report.
 */
const HANG_BOUND_MS = 90_000;
const RSS_BOUND_KB = 400 * 1024;
const CONCURRENCY = 4;

interface Case {
  name: string;
  args: string[];
  env: Record<string, string>;
  /** The input is hostile: "could not check" must show (exit 1, no "No problems found"). */
  mustFlag: boolean;
  /** A finding code (or text) that says what was wrong. */
  expect?: RegExp;
  /** The hostile party is a server in this process. */
  server?: boolean;
}

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  peakRssKb: number;
  hung: boolean;
}

/** Runs the CLI, polling /proc/<pid>/status for its peak RSS (VmHWM) while it runs. */
function run(args: string[], env: Record<string, string>): Promise<Outcome> {
  const start = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...SAFE_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let peakRssKb = 0;
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const poll = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakRssKb = Math.max(peakRssKb, Number(m[1]));
    } catch {
      // exited between polls
    }
  }, 50);
  let hung = false;
  const timer = setTimeout(() => {
    hung = true;
    child.kill('SIGKILL');
  }, HANG_BOUND_MS);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - start, peakRssKb, hung });
    });
  });
}

const tally = { runs: 0, hangs: 0, writes: 0, silentCrashes: 0, unhealthyAsHealthy: 0, unanswered: 0 };

async function runAll(cases: Case[], home: string): Promise<string[]> {
  const failures: string[] = [];
  const queue = [...cases];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      const before = snapshotTree(home);
      const o = await run(c.args, { HOME: home, ...c.env });
      tally.runs++;
      const label = `${c.name}: credcheck ${c.args.join(' ')}`;
      const problems: string[] = [];
      if (o.hung) { tally.hangs++; problems.push(`hung (killed after ${HANG_BOUND_MS} ms)`); }
      if (!o.hung && (o.signal !== null || (o.code !== 0 && o.code !== 1) || o.stdout.trim() === '')) {
        tally.silentCrashes++;
        problems.push(`exit ${o.code ?? o.signal}, ${o.stdout.length} bytes out: ${o.stderr.slice(0, 300)}`);
      }
      if (/\n\s+at .+:\d+:\d+\)?\n/.test(o.stdout + o.stderr)) problems.push('stack trace printed');
      if (JSON.stringify(snapshotTree(home)) !== JSON.stringify(before)) { tally.writes++; problems.push('HOME changed'); }
      // A hostile server in this (loaded) test process may not even answer within IMDS's 1.2 s: then
      // "no answer" is what credcheck saw, and saying so is right; it is tallied, not excused silently.
      const unanswered = c.server === true && /no answer within/.test(o.stdout) && !/HTTP|reset|over \d/.test(o.stdout);
      if (unanswered) tally.unanswered++;
      else if (c.mustFlag && (o.code === 0 || /No problems found/.test(o.stdout))) { tally.unhealthyAsHealthy++; problems.push(`hostile input read as healthy (exit ${o.code})`); }
      if (c.expect && !c.expect.test(o.stdout)) problems.push(`no ${c.expect} in output`);
      if (o.peakRssKb > RSS_BOUND_KB) problems.push(`peak RSS ${Math.round(o.peakRssKb / 1024)} MB`);
      if (problems.length) failures.push(`${label}: ${problems.join('; ')}\n${o.stdout.slice(0, 600)}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return failures;
}

function hostileHome(): { home: string; files: Record<string, string> } {
  const home = mkdtempSync(join(tmpdir(), 'credcheck-io-hostile-'));
  mkdirSync(join(home, '.aws', 'sso', 'cache'), { recursive: true });
  writeFileSync(join(home, '.aws', 'config'), '[default]\nregion = us-east-1\n\n[profile sso]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\n\n[sso-session corp]\nsso_region = us-east-1\nsso_start_url = https://example.awsapps.com/start\n');
  const fifo = join(home, 'fifo');
  execFileSync('mkfifo', [fifo]);
  execFileSync('mkfifo', [join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update('corp').digest('hex')}.json`)]);
  const kmsg = join(home, 'kmsg');
  symlinkSync('/proc/kmsg', kmsg);
  const huge = join(home, 'huge');
  const fd = openSync(huge, 'w');
  ftruncateSync(fd, 10 * 1024 * 1024);
  closeSync(fd);
  const keys = join(home, 'keys40k');
  writeFileSync(keys, `[default]\n${Array.from({ length: 40_000 }, (_, i) => `key${i} = value${i}\n`).join('')}`);
  const subs = join(home, 'subs30k');
  writeFileSync(subs, `[default]\n${Array.from({ length: 30_000 }, (_, i) => `s${i} =\n  k = v\n`).join('')}`);
  return { home, files: { fifo, kmsg, huge, keys, subs, zero: '/dev/zero', urandom: '/dev/urandom' } };
}

const KEYS = { AWS_ACCESS_KEY_ID: 'AKIAHOSTILEFILES0001', AWS_SECRET_ACCESS_KEY: 'hostileSECRETkey0000000000000000000000001' };

test('hostile files × commands: no hang, no write, no silent crash, no "could not check" read as healthy', async () => {
  const { home, files } = hostileHome();
  assert.ok(existsSync('/proc/kmsg'), 'this test needs /proc/kmsg (Linux)');
  const cases: Case[] = [];
  for (const kind of ['fifo', 'zero', 'kmsg', 'huge'] as const) {
    for (const cmd of kind === 'fifo' || kind === 'kmsg' ? [['file'], ['chain'], ['identity'], ['preflight'], ['doctor']] : [['file'], ['identity'], ['doctor']]) {
      cases.push({ name: `credentials file = ${kind}`, args: cmd, env: { AWS_SHARED_CREDENTIALS_FILE: files[kind]! }, mustFlag: true, expect: /CC1026|CC1027|CC1036/ });
    }
  }
  for (const kind of ['keys', 'subs'] as const) {
    for (const cmd of [['file'], ['doctor', '--timeout', '5s']]) {
      // Valid if odd: only the bound is at stake, so no finding is required.
      cases.push({ name: `credentials file = ${kind}`, args: cmd, env: { AWS_SHARED_CREDENTIALS_FILE: files[kind]! }, mustFlag: false });
    }
  }
  for (const cmd of [['file'], ['doctor']]) cases.push({ name: 'config file = fifo', args: cmd, env: { AWS_CONFIG_FILE: files.fifo! }, mustFlag: true, expect: /CC1026/ });
  for (const kind of ['fifo', 'urandom'] as const) {
    for (const cmd of kind === 'fifo' ? [['identity'], ['preflight'], ['doctor'], ['chain']] : [['identity'], ['preflight']]) {
      cases.push({ name: `AWS_WEB_IDENTITY_TOKEN_FILE = ${kind}`, args: cmd, env: { AWS_WEB_IDENTITY_TOKEN_FILE: files[kind]!, AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/ci' }, mustFlag: true, expect: /CC1036/ });
    }
    for (const cmd of [['identity'], ['doctor']]) {
      cases.push({ name: `AWS_CA_BUNDLE = ${kind}`, args: cmd, env: { ...KEYS, AWS_CA_BUNDLE: files[kind]! }, mustFlag: true, expect: /CC1036/ });
    }
  }
  for (const kind of ['fifo', 'zero'] as const) {
    for (const cmd of kind === 'fifo' ? [['chain'], ['doctor'], ['imds']] : [['chain'], ['imds']]) {
      cases.push({ name: `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE = ${kind}`, args: cmd, env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://127.0.0.1:9/creds', AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: files[kind]! }, mustFlag: true, expect: /CC1036/ });
    }
  }
  for (const cmd of [['chain', '--profile', 'sso'], ['identity', '--profile', 'sso']]) {
    cases.push({ name: 'SSO token cache = fifo', args: cmd, env: {}, mustFlag: true, expect: /CC1036/ });
  }
  const failures = await runAll(cases, home);
  console.log(`# hostile files: ${cases.length} runs, ${failures.length} failing`);
  assert.deepEqual(failures, []);
});

test('hostile servers × commands: reset mid-body, 1 GiB bodies, garbage — bounded, capped, never silent', async () => {
  const { home } = hostileHome();
  const servers = new Map<HostileMode, { url: string; close(): Promise<void> }>();
  for (const mode of ['reset-json', 'gigabyte', 'reset'] as const) servers.set(mode, await startHostile(mode));
  const url = (m: HostileMode) => servers.get(m)!.url;
  const cases: Case[] = [];
  try {
    for (const cmd of [['chain'], ['doctor'], ['identity'], ['imds']]) {
      cases.push({ name: 'IMDS resets mid-body', args: cmd, env: { AWS_EC2_METADATA_SERVICE_ENDPOINT: url('reset-json') }, mustFlag: true, server: true });
      cases.push({ name: 'IMDS sends 1 GiB', args: cmd, env: { AWS_EC2_METADATA_SERVICE_ENDPOINT: url('gigabyte') }, mustFlag: true, server: true });
    }
    for (const cmd of [['identity'], ['doctor'], ['preflight']]) {
      cases.push({ name: 'STS sends 1 GiB', args: cmd, env: { ...KEYS, AWS_ENDPOINT_URL_STS: url('gigabyte') }, mustFlag: true, server: true });
      cases.push({ name: 'STS resets mid-body', args: cmd, env: { ...KEYS, AWS_ENDPOINT_URL_STS: url('reset') }, mustFlag: true, server: true });
    }
    for (const cmd of [['chain'], ['doctor'], ['imds']]) {
      cases.push({ name: 'container endpoint sends 1 GiB', args: cmd, env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${url('gigabyte')}/creds` }, mustFlag: true, server: true });
    }
    const failures = await runAll(cases, home);
    console.log(`# hostile servers: ${cases.length} runs, ${failures.length} failing`);
    assert.deepEqual(failures, []);
  } finally {
    await Promise.all([...servers.values()].map((s) => s.close()));
  }
});

test('tally', () => {
  console.log(`# io-hostile: ${tally.runs} runs, ${tally.hangs} hangs, ${tally.writes} writes, ${tally.silentCrashes} silent crashes, ${tally.unhealthyAsHealthy} could-not-check read as healthy (${tally.unanswered} where the loaded test server never answered)`);
  assert.ok(tally.runs > 0);
  assert.deepEqual([tally.hangs, tally.writes, tally.silentCrashes, tally.unhealthyAsHealthy], [0, 0, 0, 0]);
});
