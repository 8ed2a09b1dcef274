/** Developer aid: prints every oracle's answer per set-up (no secrets: key ids and error names). */
import { SETUPS } from './setups.js';
import { runMatrix } from './harness.js';
import { ORACLE_SDKS, type OracleSdk } from './run.js';

const sdks = (process.argv[2]?.split(',') as OracleSdk[] | undefined) ?? ORACLE_SDKS;
const t0 = Date.now();
const run = await runMatrix(SETUPS, sdks);
for (const r of run.reports) console.log(`# ${r.sdk} ${r.version}`);
SETUPS.forEach((s, i) => {
  console.log(`\n${s.name}`);
  for (const r of run.reports) {
    const a = r.answers[i];
    console.log(`  ${r.sdk.padEnd(9)} ${a.ok ? `${a.source} ${a.accessKeyId}` : `ERR ${a.error}`}${a.offLoopback?.length ? ` OFF ${a.offLoopback}` : ''}`);
  }
});
console.log(`\n${SETUPS.length} set-ups in ${Date.now() - t0} ms; servers saw ${JSON.stringify(run.seen)}`);
