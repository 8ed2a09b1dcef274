// One single executable: a Node.js release binary with credcheck's preparation blob injected
// (Node's "single executable applications"; postject does the injection, as Node's docs show).
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { nodeRelease } from './dist-node.mjs';

/** The fuse Node looks for to know a blob was injected (from Node's SEA documentation). */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/**
 * Writes `${dir}/credcheck` for a target. The blob is made by the x64 Node of the same release
 * (this build host's); V8's code cache only loads on the platform that compiled it, so it is
 * used only when the target is this host's platform.
 */
export function buildExecutable({ target, dir, script, assets, useCodeCache }) {
  const builder = nodeRelease('linux-x64').binary;
  const { binary, license } = nodeRelease(target);
  mkdirSync(dir, { recursive: true });
  const blob = join(dir, 'credcheck.blob');
  const config = join(dir, 'sea-config.json');
  writeFileSync(config, JSON.stringify({ main: script, output: blob, disableExperimentalSEAWarning: true, useCodeCache, useSnapshot: false, assets }, null, 2));
  execFileSync(builder, ['--experimental-sea-config', config], { stdio: ['ignore', 'ignore', 'inherit'] });
  const executable = join(dir, 'credcheck');
  rmSync(executable, { force: true });
  copyFileSync(binary, executable);
  chmodSync(executable, 0o755);
  // postject's ELF library prints harmless warnings about Node's notes: show them only on failure.
  const postject = createRequire(import.meta.url).resolve('postject/dist/cli.js');
  try {
    execFileSync(process.execPath, [postject, executable, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', SEA_FUSE], { stdio: 'pipe', maxBuffer: 16 << 20 });
  } catch (error) {
    process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    throw new Error(`postject could not inject the blob into ${executable}`);
  }
  rmSync(blob);
  rmSync(config);
  copyFileSync(license, join(dir, 'NODE-LICENSE'));
  copyFileSync('LICENSE', join(dir, 'LICENSE'));
  return executable;
}
