/**
 * `credcheck imds` timings (whole CLI process, node start included), for `npm run bench`:
 * black-holed endpoint (accepts, never answers), refused endpoint, and a healthy v2 server.
 * Run alone: npx tsc -p . && node dist/bench/imds.js. bench/bench.ts can call benchImds().
 */
import { createServer, type Socket } from 'node:net';
import { runCli } from '../test/helpers/cli.js';
import { startImds } from '../test/servers/imds.js';

const RUNS = 5;
const ENV = { CREDCHECK_SYSFS_ROOT: '/nonexistent/sysfs', AWS_CONFIG_FILE: '/nonexistent/c', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/s' };

async function time(label: string, env: Record<string, string>): Promise<string> {
  const ms: number[] = [];
  let diagnosis = '';
  for (let i = 0; i < RUNS; i++) {
    const r = await runCli(['imds', '--json'], { ...ENV, ...env });
    ms.push(r.ms);
    diagnosis = JSON.parse(r.stdout).diagnosis;
  }
  ms.sort((a, b) => a - b);
  return `imds ${label.padEnd(12)} median ${Math.round(ms[Math.floor(RUNS / 2)]!)} ms, max ${Math.round(ms[RUNS - 1]!)} ms (${RUNS} runs) → ${diagnosis}`;
}

export async function benchImds(): Promise<string[]> {
  const sockets: Socket[] = [];
  const hole = createServer((s) => void sockets.push(s));
  await new Promise<void>((r) => hole.listen(0, '127.0.0.1', r));
  const imds = await startImds();
  try {
    return [
      await time('black hole', { AWS_EC2_METADATA_SERVICE_ENDPOINT: `http://127.0.0.1:${(hole.address() as { port: number }).port}` }),
      await time('refused', { AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.1:9' }),
      await time('v2 healthy', { AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url }),
    ];
  } finally {
    for (const s of sockets) s.destroy();
    hole.close();
    await imds.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchImds()) console.log(line);
}
