/**
 * Times `credcheck identity` against the loopback STS, next to bare Node start-up and
 * `credcheck --version`, to show that the run is dominated by start-up. Run:
 *   npx tsc -p . && node dist/bench/identity.js [runs]
 * (Kept out of the shared bench.ts: whoever owns `npm run bench` can import runIdentityBench.)
 */
import { spawnSync } from 'node:child_process';
import { BIN, SAFE_ENV } from '../test/helpers/cli.js';
import { makeHome } from '../test/helpers/home.js';
import { startSts } from '../test/servers/sts.js';

function time(args: string[], env: Record<string, string>, runs: number): { median: number; min: number; max: number } {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    spawnSync(process.execPath, args, { env, stdio: 'ignore' });
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { median: Math.round(ms[Math.floor(ms.length / 2)]), min: Math.round(ms[0]), max: Math.round(ms.at(-1)!) };
}

export async function runIdentityBench(runs = 15): Promise<Record<string, { median: number; min: number; max: number }>> {
  const id = { accessKeyId: 'AKIAEXAMPLEBENCH0001', secretAccessKey: 'benchSecretbenchSecretbenchSecretbenchSe', arn: 'arn:aws:iam::111122223333:user/bench', account: '111122223333', userId: 'AIDABENCH' };
  const sts = await startSts({ identities: [id] });
  // The STS server lives in this process, so the children must not block it: spawnSync would.
  const env = { PATH: process.env.PATH ?? '', ...SAFE_ENV, HOME: makeHome(), AWS_ENDPOINT_URL_STS: sts.url, AWS_ACCESS_KEY_ID: id.accessKeyId, AWS_SECRET_ACCESS_KEY: id.secretAccessKey };
  const { spawn } = await import('node:child_process');
  const timeAsync = async (args: string[]) => {
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await new Promise<void>((resolve) => spawn(process.execPath, args, { env, stdio: 'ignore' }).on('close', () => resolve()));
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    return { median: Math.round(ms[Math.floor(ms.length / 2)]), min: Math.round(ms[0]), max: Math.round(ms.at(-1)!) };
  };
  const out = {
    'node -e ""': time(['-e', ''], env, runs),
    'credcheck --version': time([BIN, '--version'], env, runs),
    'credcheck identity (loopback STS)': await timeAsync([BIN, 'identity']),
    'credcheck identity --json': await timeAsync([BIN, 'identity', '--json']),
  };
  await sts.close();
  return out;
}

if (process.argv[1]?.endsWith('identity.js')) {
  const runs = Number(process.argv[2] ?? 15);
  const res = await runIdentityBench(runs);
  for (const [k, v] of Object.entries(res)) console.log(`${k.padEnd(36)} median ${v.median} ms  (min ${v.min}, max ${v.max}, ${runs} runs)`);
}
