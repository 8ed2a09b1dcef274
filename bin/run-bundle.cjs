'use strict';
/**
 * Runs dist/bundle/cli.cjs with V8's code cache when the build left one for exactly this bundle.
 *
 * Why: compiling the ~0.8 MB bundle (and the functions a command calls) is a third of a healthy
 * `doctor`; Node 20 has no module compile cache (22.1 added one), but vm.Script accepts V8's
 * cached data. The cache is made once at build time (scripts/code-cache.cjs), never at run time:
 * credcheck writes nothing while it runs.
 *
 * Safe when stale: V8 itself rejects a cache from another V8 version or other flags (then the
 * bundle compiles as usual), but it checks only the source's length, so the cache also carries
 * the SHA-256 of the source it was made from and is ignored unless that matches.
 */
const { readFileSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { dirname, join } = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

const BUNDLE = join(__dirname, '..', 'dist', 'bundle', 'cli.cjs');
const CACHE = `${BUNDLE}.cache`;
const HASH_BYTES = 32;

function sourceHash(source) {
  return createHash('sha256').update(source).digest();
}

/** The cached data made for this very source, or undefined (none, unreadable, or for another build). */
function matchingCache(source) {
  let bytes;
  try {
    bytes = readFileSync(CACHE);
  } catch {
    return undefined;
  }
  if (bytes.length <= HASH_BYTES || !bytes.subarray(0, HASH_BYTES).equals(sourceHash(source))) return undefined;
  return bytes.subarray(HASH_BYTES);
}

/** Compiles and runs the bundle as Node would a CommonJS module; returns the script (the cache maker needs it). */
function runBundle({ useCache = true } = {}) {
  const source = readFileSync(BUNDLE, 'utf8');
  const cachedData = useCache ? matchingCache(source) : undefined;
  const script = new vm.Script(Module.wrap(source), { filename: BUNDLE, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {}, filename: BUNDLE, id: BUNDLE };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return { script, source };
}

module.exports = { runBundle, sourceHash, BUNDLE, CACHE };
