import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { probeFiles } from '../../src/areas/files/probe.js';
import { runProbe } from '../../src/kernel/probe.js';
import { runRules } from '../../src/kernel/rule.js';
import { RULES } from '../../src/rules.js';

async function findingsFor(credentials: string, config = '') {
  const dir = mkdtempSync(join(tmpdir(), 'cc-rules-'));
  writeFileSync(join(dir, 'credentials'), credentials);
  writeFileSync(join(dir, 'config'), config);
  const env = { HOME: dir, AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_CONFIG_FILE: join(dir, 'config') };
  const files = await runProbe('files', 5000, () => probeFiles({ env }));
  return runRules(RULES, { now: new Date().toISOString(), files });
}

test('CC1001 flags [profile x] in the credentials file at its line; not [x]', async () => {
  const bad = await findingsFor('[default]\nregion=us-east-1\n\n[profile dev]\naws_access_key_id=AKIAABCDEFGHIJKLMNOP\n');
  const hit = bad.find((f) => f.code === 'CC1001');
  assert.ok(hit);
  assert.equal(hit.line, 4);
  assert.equal(hit.profile, 'dev');
  const good = await findingsFor('[dev]\naws_access_key_id=AKIAABCDEFGHIJKLMNOP\n');
  assert.equal(good.filter((f) => f.code === 'CC1001').length, 0);
});

test('CC1002 flags a bare [x] in the config file; [default] and [profile x] pass', async () => {
  const bad = await findingsFor('', '[default]\nregion=eu-west-1\n[dev]\nregion=eu-west-1\n');
  assert.deepEqual(bad.filter((f) => f.code === 'CC1002').map((f) => f.line), [3]);
  const good = await findingsFor('', '[default]\nregion=eu-west-1\n[profile dev]\nregion=eu-west-1\n[sso-session corp]\nsso_region=eu-west-1\n');
  assert.equal(good.filter((f) => f.code === 'CC1002').length, 0);
});

test('CC1005: a [__proto__] section empties the whole file, as the SDK does', async () => {
  const bad = await findingsFor('[default]\naws_access_key_id=AKIAABCDEFGHIJKLMNOP\n[__proto__]\nx=1\n');
  assert.equal(bad.find((f) => f.code === 'CC1005')?.line, 3);
});
