#!/usr/bin/env node
'use strict';
// Tiny and CommonJS on purpose: `--version` alone, the most scripted call, is answered from
// package.json before anything else loads, with plain file calls (an ES module entry costs ~10 ms
// more, Node's ESM loader; `require` of the JSON and process.stdout a few ms more each).
// Everything else runs the bundled CLI through run-bundle.cjs.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync, writeSync } = require('node:fs');
  const { version } = JSON.parse(readFileSync(`${__dirname}/../package.json`, 'utf8'));
  try {
    writeSync(1, `${version}\n`);
  } catch {
    // A reader that went away (EPIPE): quiet, as the rest of the CLI.
  }
} else {
  require('./run-bundle.cjs').runBundle();
}
