// `npm run dist`: single executables for linux-x64 and linux-arm64, a .tar.gz and a .deb for each,
// and SHA256SUMS, in dist/release/. Run after `npm run build` (the "dist" script does both).
//   node scripts/dist.mjs [--target linux-x64]... [--executables-only]
// Executables are rebuilt only when their inputs changed (bundle, assets, Node release, options),
// so the tests can ask for them cheaply.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { arch } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleForExecutable } from './dist-bundle.mjs';
import { buildExecutable } from './dist-executable.mjs';
import { EMBEDDED_NODE, TARGETS } from './dist-node.mjs';
import { checksums, debian, tarball } from './dist-package.mjs';
import { buildAction } from './build-action.mjs';
import { execFileSync } from 'node:child_process';

export const RELEASE_DIR = join('dist', 'release');
const version = JSON.parse(readFileSync('package.json', 'utf8')).version;

/** The directory (and tarball stem) of one target's release. */
export function releaseName(target) {
  return `credcheck-${version}-${target}`;
}

/** Builds what is asked and returns the paths made, keyed by kind. */
export async function dist({ targets = Object.keys(TARGETS), executablesOnly = false } = {}) {
  const { script, assets } = await bundleForExecutable(join('dist', 'sea'));
  const made = { executables: {}, files: [] };
  for (const target of targets) {
    const dir = join(RELEASE_DIR, releaseName(target));
    // V8's code cache loads only on the platform that compiled it (see dist-executable.mjs).
    const useCodeCache = target === `linux-${arch()}`;
    const stamp = inputsHash({ target, script, assets, useCodeCache });
    const stampFile = `${dir}.inputs`;
    const executable = join(dir, 'credcheck');
    if (!existsSync(executable) || !existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
      buildExecutable({ target, dir, script, assets, useCodeCache });
      writeFileSync(stampFile, stamp);
    }
    made.executables[target] = executable;
  }
  if (executablesOnly) return made;
  const completion = bashCompletion(made.executables);
  for (const target of targets) {
    const dir = join(RELEASE_DIR, releaseName(target));
    made.files.push(tarball(dir));
    made.files.push(debian({ executable: made.executables[target], dir, debArch: TARGETS[target].debArch, completion }));
  }
  made.files.push(await checksums(made.files));
  // The Action's committed entry point is a release artifact too: rebuilt here, to be committed.
  made.files.push(await buildAction());
  return made;
}

/** The bash completion script, from whichever executable runs here (it is the same for all). */
function bashCompletion(executables) {
  const runnable = executables[`linux-${arch()}`];
  if (!runnable) return undefined;
  try {
    return execFileSync(runnable, ['completion', 'bash'], { encoding: 'utf8' });
  } catch {
    return undefined;
  }
}

function inputsHash({ target, script, assets, useCodeCache }) {
  const hash = createHash('sha256').update(JSON.stringify({ target, node: EMBEDDED_NODE, useCodeCache, assets: Object.keys(assets).sort() }));
  hash.update(readFileSync(script));
  for (const key of Object.keys(assets).sort()) hash.update(readFileSync(assets[key]));
  hash.update(readFileSync(new URL('./dist-executable.mjs', import.meta.url)));
  return hash.digest('hex');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { target: { type: 'string', multiple: true }, 'executables-only': { type: 'boolean' } } });
  const started = Date.now();
  const made = await dist({ targets: values.target, executablesOnly: values['executables-only'] });
  for (const path of [...Object.values(made.executables), ...made.files]) process.stdout.write(`${path}\n`);
  process.stdout.write(`dist: done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
