/**
 * The oracle matrix: every set-up is answered by the real JS SDK, botocore, Ruby aws-sdk-core and
 * Go SDK v2, and by credcheck's model of each; the model must agree with its SDK in every set-up
 * (winner or failure, source, key id, session token, error name). No oracle may reach anything
 * but loopback.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SETUPS } from './setups.js';
import { runMatrix } from './harness.js';
import { ORACLE_SDKS } from './run.js';
import { tokenHash } from './world.js';
import { MODELS } from '../../src/sdk/models/index.js';
import type { Resolution, World } from '../../src/sdk/models/world.js';
import type { OracleAnswer } from './types.js';

/** The session token a model says it used, looked up in the set-up (env var or file key). */
function tokenOf(world: World, r: Resolution): string | undefined {
  if (!r.tokenFrom) return undefined;
  const [where, name] = r.tokenFrom.split(':');
  if (where === 'env') return world.env[name];
  for (const text of Object.values(world.files)) {
    const m = new RegExp(`^${name}\\s*=\\s*(\\S+)`, 'm').exec(text);
    if (m) return m[1];
  }
  return undefined;
}

export function disagreement(world: World, r: Resolution, a: OracleAnswer): string | undefined {
  if (r.ok !== a.ok) return `model ${r.ok ? `found ${r.source}` : `failed (${r.error})`}, SDK ${a.ok ? `found ${a.source}` : `failed (${a.error})`}`;
  if (!a.ok) return r.error === a.error ? undefined : `error ${r.error} ≠ SDK's ${a.error}`;
  if (r.source !== a.source) return `source ${r.source} ≠ SDK's ${a.source}`;
  if (r.viaSts) return /^ASIA/.test(a.accessKeyId ?? '') ? undefined : `SDK key ${a.accessKeyId} is not an STS key`;
  if (r.accessKeyId !== a.accessKeyId) return `key ${r.accessKeyId} ≠ SDK's ${a.accessKeyId}`;
  const token = tokenOf(world, r);
  if (r.source === 'env' || r.source === 'static') {
    const mine = token ? tokenHash(token) : undefined;
    if (mine !== (a.tokenHash ?? undefined)) return `session token from ${r.tokenFrom ?? 'nowhere'} ≠ the SDK's`;
  }
  return undefined;
}

test(`oracle matrix: ${SETUPS.length} set-ups, every model agrees with its real SDK`, async () => {
  assert.ok(SETUPS.length >= 80);
  const run = await runMatrix(SETUPS, ORACLE_SDKS);
  assert.ok(run.seen.sts > 0 && run.seen.imds > 0 && run.seen.container > 0, `the oracles talked to the loopback servers: ${JSON.stringify(run.seen)}`);
  const problems: string[] = [];
  for (const report of run.reports) {
    const model = MODELS.find((m) => m.sdk === report.sdk)!;
    assert.equal(report.answers.length, SETUPS.length);
    let agree = 0;
    report.answers.forEach((a, i) => {
      assert.deepEqual(a.offLoopback ?? [], [], `${report.sdk} tried to leave loopback in "${a.name}"`);
      const d = disagreement(run.worlds[i], model.resolve(run.worlds[i]), a);
      if (d) problems.push(`${report.sdk} ${report.version} / ${a.name}: ${d}`);
      else agree++;
    });
    console.log(`# ${report.sdk} ${report.version} (model ${model.version}): ${agree}/${SETUPS.length} agree`);
  }
  assert.deepEqual(problems, []);
});
