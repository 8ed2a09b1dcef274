// Bundles the compiled CLI into dist/bundle/ with esbuild: one file to load at start-up instead of
// dozens of modules, and the AWS SDK and NTP client split into chunks loaded only by the commands
// that use them. Start-up time is a feature of a CLI (see `npm run bench`).
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/src/cli.js'],
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // Bundled CommonJS dependencies (the AWS SDK) call require() for Node built-ins.
  banner: { js: "import { createRequire as __credcheckRequire } from 'node:module'; const require = __credcheckRequire(import.meta.url);" },
});
