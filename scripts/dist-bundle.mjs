// The single executable's one script: credcheck and everything it imports (the AWS SDK included)
// bundled by esbuild into CommonJS, the only format a Node 24 single executable runs. The npm
// package's bundle (scripts/bundle.mjs) is unchanged: there the SDK still loads from node_modules.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { MODELLED_PACKAGES } from '../dist/src/areas/chain/versions.js';

/**
 * Bundles dist/src/cli.js into `${outdir}/credcheck.cjs` and lists the assets the executable
 * carries: the files the npm package reads from its directory, under the same relative paths.
 */
export async function bundleForExecutable(outdir) {
  mkdirSync(outdir, { recursive: true });
  const script = join(outdir, 'credcheck.cjs');
  const { metafile } = await build({
    entryPoints: ['dist/src/cli.js'],
    outfile: script,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node24',
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    // Modules find their package files through import.meta.url; in the executable __filename is
    // the executable itself (and the files are assets, see src/kernel/embedded.ts).
    define: { 'import.meta.url': '__credcheckModuleUrl' },
    banner: { js: "const __credcheckModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  const versions = join(outdir, 'sdk-versions.json');
  writeFileSync(versions, `${JSON.stringify(bundledVersions(metafile), null, 2)}\n`);
  const assets = { 'package.json': resolve('package.json'), 'sdk-versions.json': resolve(versions) };
  for (const page of readdirSync('docs/findings').filter((name) => name.endsWith('.md'))) {
    assets[`docs/findings/${page}`] = resolve('docs/findings', page);
  }
  return { script, assets };
}

/** The versions of the modelled SDK packages whose code went into the bundle (what chain reports). */
function bundledVersions(metafile) {
  const out = {};
  for (const pkg of MODELLED_PACKAGES) {
    const marker = `node_modules/${pkg}/`;
    const dirs = new Set(Object.keys(metafile.inputs).filter((input) => input.includes(marker)).map((input) => input.slice(0, input.indexOf(marker) + marker.length)));
    const found = [...dirs].map((dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version);
    if (new Set(found).size > 1) throw new Error(`${pkg} is bundled in several versions (${found.join(', ')}): the executable could not name one`);
    out[pkg] = found[0] ?? 'unknown';
  }
  return out;
}
