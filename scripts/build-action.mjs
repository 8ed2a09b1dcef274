// The GitHub Action's entry point, action/dist/index.cjs: credcheck and everything it imports
// (the AWS SDK included) in one minified CommonJS file, committed, because a `uses:` step runs
// the repository as checked out, with no `npm install`. Rebuild and commit it after changing src/
// (`npm run build:action`; `npm run dist` does it too).
import { build } from 'esbuild';

export async function buildAction(outfile = 'action/dist/index.cjs') {
  await build({
    entryPoints: ['dist/src/action/index.js'],
    outfile,
    bundle: true,
    minify: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'import.meta.url': '__credcheckModuleUrl' },
    banner: { js: "const __credcheckModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  return outfile;
}

if (import.meta.url === `file://${process.argv[1]}`) await buildAction(process.argv[2]);
