/**
 * npm run bench: wall-clock timings of whole commands over repeated runs (median, p90, min), and
 * their ratio to a bare `node -e 0`. Everything runs against loopback servers started here (STS)
 * or black holes (a TCP port that accepts and never answers, a UDP port that never replies):
 * nothing leaves the machine. Children are spawned asynchronously so this process keeps serving
 * the loopback STS while they run. BENCH_RUNS sets the runs per row (default 15).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from '../test/helpers/cli.js';
import { startBlackhole } from '../test/servers/blackhole.js';
import { startSts } from '../test/servers/sts.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

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

async function time(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, runs = RUNS): Promise<Row> {
  await run(cmd, args, env); // warm the file cache
  const samples: number[] = [];
  let exit: number | null = null;
  for (let i = 0; i < runs; i++) {
    const r = await run(cmd, args, env);
    samples.push(r.ms);
    exit = r.code;
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { name, median: at(0.5), p90: at(0.9), min: samples[0]!, exit };
}

const hasAwsCli = spawnSync('sh', ['-c', 'command -v aws'], { stdio: 'ignore' }).status === 0;

async function main(): Promise<void> {
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
  const node = process.execPath;
  const slow = Math.max(5, Math.round(RUNS / 3)); // black-holed rows take seconds each
  const rows: Row[] = [await time('node -e 0', node, ['-e', '0'], blackholed)];
  rows.push(await time('credcheck --version', node, [BIN, '--version'], blackholed));
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
  rows.push(await time('credcheck chain (IMDS black hole)', node, [BIN, 'chain'], blackholed, slow));
  rows.push(await time('credcheck imds (black hole)', node, [BIN, 'imds'], blackholed, slow));
  rows.push(await time('credcheck clock (NTP + STS black hole)', node, [BIN, 'clock'], blackholed, slow));
  rows.push(await time('credcheck doctor (all black-holed)', node, [BIN, 'doctor'], blackholed, slow));
  rows.push(await time('credcheck preflight (all black-holed)', node, [BIN, 'preflight'], blackholed, slow));
  await Promise.all([hole.close(), sts.close()]);
  const base = rows[0]!.median;
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`runs per row: ${RUNS} (${slow} for black-holed rows); ms; ratio = median / median of node -e 0`);
  console.log(`${pad('command', 46)} ${pad('median', 7)} ${pad('p90', 7)} ${pad('min', 7)} ${pad('ratio', 6)} exit`);
  for (const r of rows) {
    console.log(`${pad(r.name, 46)} ${pad(r.median.toFixed(0), 7)} ${pad(r.p90.toFixed(0), 7)} ${pad(r.min.toFixed(0), 7)} ${pad((r.median / base).toFixed(2), 6)} ${r.exit}`);
  }
}

await main();
