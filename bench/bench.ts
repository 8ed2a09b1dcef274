/**
 * npm run bench: wall-clock timings of whole commands over repeated runs (median, p90, min), and
 * their ratio to a bare `node -e 0`. Everything runs against loopback servers started here (STS,
 * IMDS, NTP) or black holes (a TCP port that accepts and never answers, a UDP port that never
 * replies): nothing leaves the machine. The one set-up that leaves the metadata endpoint at its
 * default fakes DMI as another vendor, where credcheck never contacts 169.254.169.254. Children are spawned asynchronously so this process keeps serving
 * the loopback STS while they run. BENCH_RUNS sets the runs per row (default 15); BENCH_ONLY=<regexp>
 * runs only the rows whose name matches (and the `node -e 0` yardstick), e.g.
 * BENCH_ONLY='chain( --sdk all)? \(IMDS disabled'.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from '../test/helpers/cli.js';
import { embeddedNodeBinary, singleExecutables } from '../test/helpers/executables.js';
import { startBlackhole } from '../test/servers/blackhole.js';
import { startSts } from '../test/servers/sts.js';
import { fakeProc } from './fake-proc.js';
import { startNtpServer } from '../test/servers/ntp.js';
import { startImds } from '../test/servers/imds.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
// BENCH_ONLY=<regex> times only the matching rows plus every yardstick (node -e 0, the bare SDK
// script, chain --offline): a ratio is only meaningful against a yardstick timed in the same run.
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;
const YARDSTICKS = new Set(['node -e 0', 'bare SDK GetCallerIdentity (healthy)', 'bare SDK GetCallerIdentity (healthy EC2)', 'credcheck chain --offline (static keys)', 'embedded node (SEA base) -e 0']);

interface Row {
  name: string;
  median: number;
  p90: number;
  min: number;
  exit: number | null;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; code: number | null }> {
  const t = performance.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: 'ignore' });
    child.on('close', (code) => resolve({ ms: performance.now() - t, code }));
  });
}

function summarize(name: string, samples: number[], exit: number | null): Row {
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { name, median: at(0.5), p90: at(0.9), min: samples[0]!, exit };
}

type Spec = [name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv];
const wanted = ([name]: Spec) => !ONLY || ONLY.test(name) || YARDSTICKS.has(name);

async function time(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, runs = RUNS): Promise<Row | undefined> {
  return (await timeTogether([[name, cmd, args, env]], runs))[0];
}

/**
 * Rows whose ratio is a goal are timed round-robin (yardstick, row, yardstick, row, …): on a
 * shared machine the speed drifts within seconds, and a yardstick timed in a block before its row
 * can be off by a third. Interleaved, both see the same drift.
 */
async function timeTogether(specs: Spec[], runs = RUNS): Promise<Array<Row | undefined>> {
  const active = specs.filter(wanted);
  for (const [, cmd, args, env] of active) await run(cmd, args, env); // warm the file cache
  const samples = active.map(() => [] as number[]);
  const exits: Array<number | null> = active.map(() => null);
  for (let i = 0; i < runs; i++) {
    for (const [j, [, cmd, args, env]] of active.entries()) {
      const r = await run(cmd, args, env);
      samples[j]!.push(r.ms);
      exits[j] = r.code;
    }
  }
  return specs.map((spec) => {
    const j = active.indexOf(spec);
    return j < 0 ? undefined : summarize(spec[0], samples[j]!, exits[j]!);
  });
}

const hasAwsCli = spawnSync('sh', ['-c', 'command -v aws'], { stdio: 'ignore' }).status === 0;

async function main(): Promise<void> {
  // Timings on a shared machine are only comparable with the load they were taken under.
  const loadAtStart = loadavg();
  const key = { accessKeyId: 'AKIABENCHMARKKEY0001', secretAccessKey: 'benchSecretbenchSecretbenchSecretbenchSe', arn: 'arn:aws:iam::111122223333:user/bench', account: '111122223333', userId: 'AIDABENCH' };
  const home = mkdtempSync(join(tmpdir(), 'credcheck-bench-'));
  mkdirSync(join(home, '.aws'));
  writeFileSync(join(home, '.aws', 'credentials'), `[default]\naws_access_key_id = ${key.accessKeyId}\naws_secret_access_key = ${key.secretAccessKey}\n`, { mode: 0o600 });
  writeFileSync(join(home, '.aws', 'config'), '[default]\nregion = us-east-1\n');
  const hole = await startBlackhole();
  const sts = await startSts({ identities: [key] });
  const blackholed: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    NO_COLOR: '1',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_SERVICE_ENDPOINT: hole.tcpUrl,
    AWS_ENDPOINT_URL_STS: hole.tcpUrl,
    CREDCHECK_NTP_SERVERS: `127.0.0.1:${hole.udpPort}`,
    CREDCHECK_SSM_RUNTIME_CONFIG: join(home, 'no-ssm.json'),
  };
  const loopbackSts = { ...blackholed, AWS_ENDPOINT_URL_STS: sts.url, AWS_EC2_METADATA_DISABLED: 'true' };
  // Healthy hosts, each timed against the bare SDK script run in the same environment. Both have
  // STS and NTP answering on loopback; DMI is faked (both sysfs layouts, whichever is read).
  const ntp = await startNtpServer({});
  const dmi = (vendor: string, assetTag?: string) => {
    const root = mkdtempSync(join(tmpdir(), 'credcheck-bench-sysfs-'));
    for (const dir of [join(root, 'class', 'dmi', 'id'), join(root, 'sys', 'class', 'dmi', 'id')]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'sys_vendor'), `${vendor}\n`);
      if (assetTag) writeFileSync(join(dir, 'board_asset_tag'), `${assetTag}\n`);
    }
    return root;
  };
  const answering: NodeJS.ProcessEnv = { ...blackholed, AWS_ENDPOINT_URL_STS: sts.url, CREDCHECK_NTP_SERVERS: `127.0.0.1:${ntp.port}` };
  // Off EC2 (DMI names another vendor): static keys in ~/.aws/credentials; the metadata endpoint is
  // the default one, which credcheck does not contact off EC2 (nothing here reaches 169.254.169.254).
  const healthy: NodeJS.ProcessEnv = { ...answering, CREDCHECK_SYSFS_ROOT: dmi('QEMU') };
  delete healthy.AWS_EC2_METADATA_SERVICE_ENDPOINT;
  // On EC2 (DMI says Amazon EC2): no credential files, the instance role's keys from a loopback IMDS.
  const roleKey = { accessKeyId: 'ASIABENCHROLEKEY0002', secretAccessKey: 'roleSecretQx7Lm2Pz9Vb4Nc8Rt1Wy6Kd3Hs5Jf0G', sessionToken: `IQoJb3JpZ2luX2VjBench${'Zq8'.repeat(40)}`, arn: 'arn:aws:sts::111122223333:assumed-role/bench-role/i-0bench', account: '111122223333', userId: 'AROABENCH:i-0bench' };
  sts.addIdentity(roleKey);
  const imds = await startImds({ role: 'bench-role', credentials: { accessKeyId: roleKey.accessKeyId, secretAccessKey: roleKey.secretAccessKey, token: roleKey.sessionToken, expiration: new Date(Date.now() + 6 * 3600_000) } });
  const ec2Home = mkdtempSync(join(tmpdir(), 'credcheck-bench-ec2-'));
  mkdirSync(join(ec2Home, '.aws'));
  writeFileSync(join(ec2Home, '.aws', 'config'), '[default]\nregion = us-east-1\n');
  const healthyEc2: NodeJS.ProcessEnv = { ...answering, HOME: ec2Home, AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url, CREDCHECK_SYSFS_ROOT: dmi('Amazon EC2', 'i-0bench0000000000') };
  // Not healthy: an explicitly configured metadata endpoint that never answers (credcheck waits a
  // short while for it). The chain rows use it as "whatever the later links do".
  const configuredHole: NodeJS.ProcessEnv = { ...answering, CREDCHECK_SYSFS_ROOT: dmi('QEMU') };
  const bareSdk = join(import.meta.dirname, '..', '..', 'bench', 'bare-sdk.mjs');
  const node = process.execPath;
  const slow = Math.max(5, Math.round(RUNS / 3)); // black-holed rows take seconds each
  const timed: Array<Row | undefined> = [];
  const rows = { push: (...row: Array<Row | undefined>) => timed.push(...row) };
  rows.push(...(await timeTogether([['node -e 0', node, ['-e', '0'], blackholed], ['credcheck --version', node, [BIN, '--version'], blackholed]])));
  rows.push(await time('credcheck --help', node, [BIN, '--help'], blackholed));
  rows.push(await time('credcheck file', node, [BIN, 'file'], blackholed));
  rows.push(await time('credcheck chain --offline', node, [BIN, 'chain', '--offline'], blackholed));
  rows.push(await time('credcheck chain (IMDS disabled)', node, [BIN, 'chain'], { ...blackholed, AWS_EC2_METADATA_DISABLED: 'true' }));
  // Goal: --sdk all costs at most 50 ms more than chain (pure models over the same observations).
  rows.push(await time('credcheck chain --sdk all (IMDS disabled)', node, [BIN, 'chain', '--sdk', 'all'], { ...blackholed, AWS_EC2_METADATA_DISABLED: 'true' }));
  rows.push(await time('credcheck identity (loopback STS)', node, [BIN, 'identity'], loopbackSts));
  if (hasAwsCli) rows.push(await time('aws sts get-caller-identity (loopback STS)', 'aws', ['sts', 'get-caller-identity'], loopbackSts));
  if (hasAwsCli) rows.push(await time('aws configure list', 'aws', ['configure', 'list'], blackholed));
  rows.push(await time('credcheck doctor --offline', node, [BIN, 'doctor', '--offline'], blackholed));
  const procRoot = !ONLY || ONLY.test('2,000') ? fakeProc(2000, home) : '';
  rows.push(await time('credcheck doctor --processes --offline (2,000 fake)', node, [BIN, 'doctor', '--processes', '--offline'], { ...blackholed, CREDCHECK_PROC_ROOT: procRoot }));
  rows.push(await time('credcheck doctor --processes --offline (this host)', node, [BIN, 'doctor', '--processes', '--offline'], blackholed));
  rows.push(
    ...(await timeTogether([
      ['bare SDK GetCallerIdentity (healthy)', node, [bareSdk], healthy],
      ['credcheck identity (healthy)', node, [BIN, 'identity'], healthy],
      ['credcheck doctor (healthy)', node, [BIN, 'doctor'], healthy],
    ])),
  );
  rows.push(
    ...(await timeTogether([
      ['bare SDK GetCallerIdentity (healthy EC2)', node, [bareSdk], healthyEc2],
      ['credcheck identity (healthy EC2)', node, [BIN, 'identity'], healthyEc2],
      ['credcheck doctor (healthy EC2)', node, [BIN, 'doctor'], healthyEc2],
    ])),
  );
  rows.push(await time('credcheck doctor (configured IMDS endpoint black-holed)', node, [BIN, 'doctor'], configuredHole));
  rows.push(await time('credcheck clock (healthy NTP)', node, [BIN, 'clock'], healthy));
  rows.push(
    ...(await timeTogether([
      ['credcheck chain --offline (static keys)', node, [BIN, 'chain', '--offline'], configuredHole],
      ['credcheck chain (static keys, IMDS black hole)', node, [BIN, 'chain'], configuredHole],
    ])),
  );
  rows.push(await time('credcheck chain (IMDS black hole)', node, [BIN, 'chain'], blackholed, slow));
  rows.push(await time('credcheck imds (black hole)', node, [BIN, 'imds'], blackholed, slow));
  rows.push(await time('credcheck clock (NTP + STS black hole)', node, [BIN, 'clock'], blackholed, slow));
  rows.push(await time('credcheck doctor (all black-holed)', node, [BIN, 'doctor'], blackholed, slow));
  rows.push(await time('credcheck preflight (all black-holed)', node, [BIN, 'preflight'], blackholed, slow));
  // The single executable (npm run dist; built here if missing): same commands, no node_modules.
  if (!ONLY || ONLY.test('executable')) {
    const exe = (await singleExecutables()).x64;
    rows.push(await time('embedded node (SEA base) -e 0', embeddedNodeBinary(), ['-e', '0'], blackholed));
    rows.push(await time('executable --version', exe, ['--version'], blackholed));
    rows.push(await time('executable doctor --offline', exe, ['doctor', '--offline'], blackholed));
    rows.push(await time('executable identity (loopback STS)', exe, ['identity'], loopbackSts));
    console.log(`single executable (linux-x64): ${(statSync(exe).size / 2 ** 20).toFixed(1)} MiB`);
  }
  await Promise.all([hole.close(), sts.close(), ntp.close(), imds.close()]);
  const rowsDone = timed.filter((r): r is Row => r !== undefined);
  const base = rowsDone[0]!.median;
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`runs per row: ${RUNS} (${slow} for black-holed rows); ms; ratio = median / median of node -e 0`);
  console.log(`${pad('command', 46)} ${pad('median', 7)} ${pad('p90', 7)} ${pad('min', 7)} ${pad('ratio', 6)} exit`);
  for (const r of rowsDone) {
    console.log(`${pad(r.name, 46)} ${pad(r.median.toFixed(0), 7)} ${pad(r.p90.toFixed(0), 7)} ${pad(r.min.toFixed(0), 7)} ${pad((r.median / base).toFixed(2), 6)} ${r.exit}`);
  }
  printGoals(rowsDone);
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(', ');
  console.log(`load average (1, 5, 15 min) at the start: ${load(loadAtStart)}; at the end: ${load(loadavg())}; on ${availableParallelism()} cores`);
}

/** The speed goals, each a ratio against a yardstick measured in this same run (or a bound in ms). */
function printGoals(rows: Row[]): void {
  const m = (name: string) => rows.find((r) => r.name === name)?.median;
  const diff = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : Math.max(0, a - b));
  const goals: Array<[string, number | undefined, number | undefined, number, string]> = [
    ['doctor (healthy) / bare SDK script', m('credcheck doctor (healthy)'), m('bare SDK GetCallerIdentity (healthy)'), 1.5, '×'],
    ['doctor (healthy EC2) / bare SDK script', m('credcheck doctor (healthy EC2)'), m('bare SDK GetCallerIdentity (healthy EC2)'), 1.5, '×'],
    ['identity (healthy) / bare SDK script', m('credcheck identity (healthy)'), m('bare SDK GetCallerIdentity (healthy)'), 1.3, '×'],
    ['identity (healthy EC2) / bare SDK script', m('credcheck identity (healthy EC2)'), m('bare SDK GetCallerIdentity (healthy EC2)'), 1.3, '×'],
    ['chain (IMDS black hole) / chain --offline', m('credcheck chain (static keys, IMDS black hole)'), m('credcheck chain --offline (static keys)'), 1.3, '×'],
    ['--version / node -e 0', m('credcheck --version'), m('node -e 0'), 1.2, '×'],
    ['clock (healthy NTP)', m('credcheck clock (healthy NTP)'), 1, 300, 'ms'],
    ['doctor (all black-holed)', m('credcheck doctor (all black-holed)'), 1, 2000, 'ms'],
    ['doctor --processes (2,000 processes, whole run)', m('credcheck doctor --processes --offline (2,000 fake)'), 1, 1000, 'ms'],
    // Issue 16: asking every SDK model costs at most 50 ms more than chain alone.
    ['chain --sdk all − chain (IMDS disabled)', diff(m('credcheck chain --sdk all (IMDS disabled)'), m('credcheck chain (IMDS disabled)')), 1, 50, 'ms'],
  ];
  console.log('\ngoal                                        measured   goal     met');
  for (const [name, value, yardstick, goal, unit] of goals) {
    if (value === undefined || yardstick === undefined) continue;
    const v = value / yardstick;
    console.log(`${name.padEnd(43)} ${(unit === 'ms' ? v.toFixed(0) : v.toFixed(2)).padEnd(10)} ${`≤ ${goal}${unit === 'ms' ? ' ms' : '×'}`.padEnd(8)} ${v <= goal ? 'yes' : 'NO'}`);
  }
}

await main();
