#!/usr/bin/env node
'use strict';
// Tiny and CommonJS on purpose: `--version` alone, the most scripted call, is answered from
// package.json before anything else loads (an ES module entry alone costs ~10 ms more: Node's ESM
// loader). Everything else runs the bundled CLI through run-bundle.cjs.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  require('./run-bundle.cjs').runBundle();
}
