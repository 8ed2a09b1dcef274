#!/usr/bin/env node
// Tiny on purpose: everything lives in the bundled CLI so start-up stays fast. `--version` alone,
// the most scripted call, is answered from package.json without loading the CLI at all.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  await import('../dist/bundle/cli.js');
}
