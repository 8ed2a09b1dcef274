// Bundles credcheck's own code, commander and chalk into dist/bundle/ with esbuild: a few files to
// load at start-up instead of dozens of modules, with each command's code in a chunk of its own.
// The AWS SDK, the NTP client and the proxy agent stay external and load from node_modules exactly
// as in an unbundled app: bundling them would change what `import()` of their CommonJS returns, and
// credcheck's claims about the SDK must come from the SDK as published.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });

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
  // commander is CommonJS and calls require() for Node built-ins.
  banner: { js: "import { createRequire as __credcheckRequire } from 'node:module'; const require = __credcheckRequire(import.meta.url);" },
  external: ['@aws-sdk/*', '@smithy/*', 'ntp-time-sync', 'ntp-packet-parser', 'https-proxy-agent'],
});
