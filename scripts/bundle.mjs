// Bundles credcheck's own code, commander and chalk into dist/bundle/cli.js with esbuild: one file.
// Code splitting made ~80 chunks, and Node's ESM loader spends ~0.5 ms resolving, compiling and
// linking each one (a quarter of `credcheck file`); in one file a command's code still runs only
// when the command does (esbuild turns each `import()` into a lazy initialiser), and V8 compiles a
// function only when it is first called. Measured, interleaved, 11 runs each (node -e 0: 122 ms):
// identity 425 → 351 ms, doctor --offline 359 → 315 ms, file 279 → 240 ms; only --help, which runs
// nothing, pays to parse the whole file: 187 → 195 ms.
// The AWS SDK, the NTP client and the proxy agent stay external and load from node_modules exactly
// as in an unbundled app: bundling them would change what `import()` of their CommonJS returns, and
// credcheck's claims about the SDK must come from the SDK as published.
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * The AWS SDK packages are CommonJS (their `main`; no `exports` map, so import and require pick the
 * same file). Node's ESM loader runs cjs-module-lexer over each CommonJS module an `import` names
 * to find its exports: measured, `require` of the same four packages starts ~25% faster than
 * `import` of them. So each import of an SDK package becomes a small ES module that `require`s it
 * through the banner's createRequire: the same module objects from the same files (one module
 * cache, so the SDK's singletons are shared as before), without the lexing. As with Node's own
 * interop, `default` is module.exports and every export is also a named export (listed here, at
 * build time; an import of a name the package lacks fails the build, not a run).
 */
const requireSdk = {
  name: 'require-sdk',
  setup(b) {
    const sdk = /^@(aws-sdk|smithy)\//;
    const nodeRequire = createRequire(join(process.cwd(), 'package.json'));
    b.onResolve({ filter: sdk }, (args) => (args.kind === 'require-call' ? { path: args.path, external: true } : { path: args.path, namespace: 'require-sdk' }));
    b.onLoad({ filter: /.*/, namespace: 'require-sdk' }, (args) => {
      const names = Object.keys(nodeRequire(args.path)).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default' && n !== '__esModule');
      const contents = `const m = require(${JSON.stringify(args.path)});\nexport default m;\nexport const { ${names.join(', ')} } = m;\n`;
      return { contents, loader: 'js', resolveDir: process.cwd() };
    });
  },
};

rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: ['dist/src/cli.js'],
  outdir: 'dist/bundle',
  bundle: true,
  splitting: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // commander is CommonJS and calls require() for Node built-ins.
  banner: { js: "import { createRequire as __credcheckRequire } from 'node:module'; const require = __credcheckRequire(import.meta.url);" },
  plugins: [requireSdk],
  external: ['@aws-sdk/*', '@smithy/*', 'ntp-time-sync', 'ntp-packet-parser', 'https-proxy-agent'],
});
