// Bundles credcheck's own code, commander and chalk into dist/bundle/cli.cjs with esbuild: one
// CommonJS file, which bin/run-bundle.cjs compiles with V8's code cache made here (see there).
// Code splitting made ~80 chunks, and Node's ESM loader spends ~0.5 ms resolving, compiling and
// linking each one (a quarter of `credcheck file`); in one file a command's code still runs only
// when the command does (esbuild turns each `import()` into a lazy initialiser), and V8 compiles a
// function only when it is first called. The AWS SDK, the NTP client and the proxy agent stay
// external and load from node_modules exactly as in an unbundled app: credcheck's claims about
// the SDK must come from the SDK as published.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const BUNDLE = 'dist/bundle/cli.cjs';

const EXTERNAL = ['@aws-sdk/*', '@smithy/*', 'ntp-time-sync', 'ntp-packet-parser', 'https-proxy-agent'];
const isExternal = (path) => path.startsWith('node:') || EXTERNAL.some((e) => (e.endsWith('/*') ? path.startsWith(e.slice(0, -1)) : path === e));

/**
 * In CommonJS output esbuild turns a static import of an external package into `require`, but
 * leaves a dynamic `import()` as it is. The bundle runs from a vm.Script (bin/run-bundle.cjs, for
 * V8's code cache), where `import()` has no loader: so each `import()` of an external becomes a
 * tiny module that `require`s it, loaded lazily as before. Every external is CommonJS (the SDK
 * packages' `main`; no `exports` map, so import and require pick the same file), and `require`
 * also skips the cjs-module-lexer pass Node's ESM loader makes over each one (measured: ~25%
 * faster start-up of the SDK). The module objects are Node's own, from one module cache.
 */
const dynamicImportsViaRequire = {
  name: 'dynamic-imports-via-require',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' && isExternal(args.path) ? { path: args.path, namespace: 'require-external' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'require-external' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});\n`, loader: 'js' }));
  },
};

rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: ['dist/src/cli.js'],
  outfile: BUNDLE,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // Modules find their package files through import.meta.url, which CommonJS lacks.
  define: { 'import.meta.url': '__credcheckModuleUrl' },
  banner: { js: "const __credcheckModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [dynamicImportsViaRequire],
  external: EXTERNAL,
});

if (/[^\w$.]import\(/.test(readFileSync(BUNDLE, 'utf8'))) throw new Error(`${BUNDLE} still has an import(): it would fail inside vm.Script`);

// V8's code cache, made from one offline doctor run on a throwaway home (see scripts/code-cache.cjs).
const home = mkdtempSync(join(tmpdir(), 'credcheck-code-cache-'));
mkdirSync(join(home, '.aws'));
writeFileSync(join(home, '.aws', 'credentials'), `[default]\naws_access_key_id = AKIA${randomBytes(8).toString('hex').toUpperCase()}\naws_secret_access_key = ${randomBytes(30).toString('base64')}\n`, { mode: 0o600 });
const env = { PATH: process.env.PATH, HOME: home, NO_COLOR: '1', AWS_EC2_METADATA_DISABLED: 'true', CREDCHECK_SYSFS_ROOT: home, CREDCHECK_SSM_RUNTIME_CONFIG: join(home, 'none.json') };
spawnSync(process.execPath, ['scripts/code-cache.cjs', 'doctor', '--offline'], { env, stdio: 'ignore', timeout: 30_000 });
rmSync(home, { recursive: true, force: true });
if (!existsSync(`${BUNDLE}.cache`)) throw new Error(`the code cache run did not write ${BUNDLE}.cache`);
