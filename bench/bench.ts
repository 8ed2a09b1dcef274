/**
 * npm run bench: start-up and end-to-end timings over repeated runs, medians first.
 * Everything runs against loopback servers or black holes; nothing leaves the machine.
 */
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBlackhole } from '../test/servers/blackhole.js';

const BIN = fileURLToPath(new URL('../../bin/credcheck.js', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

interface Row {
  name: string;
  median: number;
  p90: number;
  min: number;
  note?: string;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function time(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, runs = RUNS): Row {
  const samples: number[] = [];
  let lastCode: number | null = null;
  spawnSync(cmd, args, { env, stdio: 'ignore' }); // warm the file cache
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(cmd, args, { env, stdio: 'ignore', timeout: 30_000 });
    samples.push(performance.now() - t);
    lastCode = r.status;
  }
  samples.sort((a, b) => a - b);
  return { name, median: quantile(samples, 0.5), p90: quantile(samples, 0.9), min: samples[0]!, note: `exit ${lastCode}` };
}

function hasCommand(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Extra rows contributed by areas that need their own loopback servers (identity, ...). */
export type ExtraBench = (ctx: { env: NodeJS.ProcessEnv; time: typeof time; bin: string }) => Promise<Row[]>;

async function main(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'credcheck-bench-'));
  mkdirSync(join(home, '.aws'));
  writeFileSync(join(home, '.aws', 'credentials'), '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n', { mode: 0o600 });
  writeFileSync(join(home, '.aws', 'config'), '[default]\nregion = us-east-1\n');
  const hole = await startBlackhole();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    NO_COLOR: '1',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_SERVICE_ENDPOINT: hole.tcpUrl,
    AWS_ENDPOINT_URL_STS: hole.tcpUrl,
    CREDCHECK_NTP_SERVERS: `127.0.0.1:${hole.udpPort}`,
    CREDCHECK_SSM_RUNTIME_CONFIG: join(home, 'no-ssm.json'),
  };
  // spawnSync blocks this event loop, which suits the black hole: the kernel completes the TCP
  // handshake and queues UDP datagrams, and nothing ever answers.
  const rows: Row[] = [];
  const baseline = time('node -e 0', process.execPath, ['-e', '0'], env);
  rows.push(baseline);
  rows.push(time('credcheck --version', process.execPath, [BIN, '--version'], env));
  rows.push(time('credcheck --help', process.execPath, [BIN, '--help'], env));
  rows.push(time('credcheck file', process.execPath, [BIN, 'file'], env));
  for (const extra of (await import('./extras.js')).EXTRAS) rows.push(...(await extra({ env, time, bin: BIN })));
  if (hasCommand('aws')) {
    rows.push(time('aws configure list', 'aws', ['configure', 'list'], env));
  }
  await hole.close();
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`runs per row: ${RUNS} (median, p90, min in ms; ratio = median / node -e 0)`);
  console.log(`${pad('command', 44)} ${pad('median', 8)} ${pad('p90', 8)} ${pad('min', 8)} ${pad('ratio', 6)} note`);
  for (const r of rows) {
    console.log(`${pad(r.name, 44)} ${pad(r.median.toFixed(0), 8)} ${pad(r.p90.toFixed(0), 8)} ${pad(r.min.toFixed(0), 8)} ${pad((r.median / baseline.median).toFixed(2), 6)} ${r.note ?? ''}`);
  }
}

await main();
