/**
 * Off EC2 (DMI names another vendor) with the default IMDS endpoint, credcheck must not even try
 * 169.254.169.254 / [fd00:ec2::254]: not from the chain's imds link, not from the SDK's own chain
 * it cross-checks against, not from doctor's identity area. The CLI runs with a preload that
 * wraps net.Socket.prototype.connect (test/helpers/no-link-local.ts): every attempt at a
 * link-local address is recorded and refused before anything leaves the machine.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseJson, runCli, type CliResult } from '../helpers/cli.js';
import { assertNoSecrets, makeHome } from '../helpers/home.js';
import { startImds } from '../servers/imds.js';
import { startSts } from '../servers/sts.js';

const GUARD = pathToFileURL(fileURLToPath(new URL('../helpers/no-link-local.js', import.meta.url))).href;
const DMI_REASON = /^not on EC2 per DMI \(sys_vendor "QEMU"\): not probed; off EC2 the SDK's request to 169\.254\.169\.254 can only time out \(1 s token PUT, then 1 s IMDSv1 GET\)$/;

/** Random-looking key material, made per run (never a fixed secret in a fixture). */
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const keyId = () => 'AKIA' + [...randomBytes(16)].map((b) => ALNUM[b % 32]).join('');
const secret = () => randomBytes(30).toString('base64');

function fakeSysfs(vendor: string): string {
  const root = mkdtempSync(join(tmpdir(), 'credcheck-sysfs-'));
  mkdirSync(join(root, 'sys', 'class', 'dmi', 'id'), { recursive: true });
  writeFileSync(join(root, 'sys', 'class', 'dmi', 'id', 'sys_vendor'), `${vendor}\n`);
  return root;
}

/** The CLI under the guard; SAFE_ENV's loopback IMDS endpoint is removed: the default one applies. */
async function runGuarded(args: string[], env: Record<string, string | undefined>): Promise<CliResult & { attempts: string[] }> {
  const log = join(mkdtempSync(join(tmpdir(), 'credcheck-connects-')), 'log');
  const r = await runCli(args, { AWS_EC2_METADATA_SERVICE_ENDPOINT: undefined, CREDCHECK_TEST_CONNECT_LOG: log, ...env }, 20_000, ['--import', GUARD]);
  const attempts = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  return { ...r, attempts };
}

const imdsLink = (j: any) => j.links.find((l: any) => l.source === 'imds');

test('the guard works: DMI says EC2, default endpoint → the attempt at 169.254.169.254 is seen and refused', async () => {
  const r = await runGuarded(['chain', '--json'], { HOME: makeHome({}), CREDCHECK_SYSFS_ROOT: fakeSysfs('Amazon EC2') });
  // Without this, the "no attempt" assertions below could pass with a guard that sees nothing.
  assert.ok(r.attempts.includes('169.254.169.254'), `attempts: ${r.attempts.join(', ')}\n${r.stderr}`);
  assert.notEqual(imdsLink(parseJson(r)).status, 'skipped');
});

test('off EC2, static [default] profile: imds link skipped with the DMI reason, no link-local attempt', async () => {
  const id = keyId();
  const key = secret();
  const home = makeHome({ credentials: `[default]\naws_access_key_id = ${id}\naws_secret_access_key = ${key}\n` });
  const r = await runGuarded(['chain', '--json'], { HOME: home, CREDCHECK_SYSFS_ROOT: fakeSysfs('QEMU') });
  const j = parseJson(r);
  assertNoSecrets(r.stdout + r.stderr, [key]);
  assert.deepEqual(r.attempts, [], 'nothing may even try a link-local address');
  assert.equal(r.code, 0, r.stdout);
  assert.equal(j.active.source, 'ini');
  assert.equal(imdsLink(j).status, 'skipped');
  assert.match(imdsLink(j).reason, DMI_REASON);
  assert.equal(j.crossCheck.status, 'agree');
});

test('off EC2, nothing configured: no credentials (CC2006, role-free fix), imds skipped with the DMI reason, no attempt, fast', async () => {
  const env = { HOME: makeHome({}), CREDCHECK_SYSFS_ROOT: fakeSysfs('QEMU') };
  const r = await runGuarded(['chain', '--json'], env);
  const j = parseJson(r);
  assert.deepEqual(r.attempts, []);
  assert.equal(r.code, 1);
  assert.equal(j.active, null);
  assert.equal(imdsLink(j).status, 'skipped');
  assert.match(imdsLink(j).reason, DMI_REASON);
  // The SDK's own chain was stopped before IMDS, and agrees there is nothing.
  assert.equal(j.crossCheck.status, 'agree', JSON.stringify(j.crossCheck));
  const cc2006 = j.findings.find((f: any) => f.code === 'CC2006');
  assert.ok(cc2006, JSON.stringify(j.findings));
  assert.equal(cc2006.severity, 'error');
  assert.doesNotMatch(cc2006.fix, /attach an instance/);
  assert.ok(!j.findings.some((f: any) => f.code === 'CC2099'), 'the cross-check must not call this a disagreement');
  // No IMDS timeout is waited for (the SDK's would be 2 s).
  assert.ok(r.ms < 6000, `took ${Math.round(r.ms)} ms`);
  // --sdk all: the other SDKs' models want the default address too; it is not probed for them.
  const all = await runGuarded(['chain', '--sdk', 'all', '--json'], env);
  assert.deepEqual(all.attempts, [], 'world-probe must not try the default IMDS address either');
  assert.ok(parseJson(all).sdks.length > 1);
});

test('off EC2, IPv6 endpoint mode: [fd00:ec2::254] is not tried either', async () => {
  const r = await runGuarded(['chain', '--json'], { HOME: makeHome({}), CREDCHECK_SYSFS_ROOT: fakeSysfs('QEMU'), AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: 'IPv6' });
  assert.deepEqual(r.attempts, []);
  assert.match(imdsLink(parseJson(r)).reason, /not on EC2 per DMI .*fd00:ec2::254/);
});

test('doctor off EC2: static keys verified with STS, no link-local attempt by any area; nothing configured → CC2006', async () => {
  const id = keyId();
  const key = secret();
  const sts = await startSts({ identities: [{ accessKeyId: id, secretAccessKey: key, arn: 'arn:aws:iam::123456789012:user/dev', account: '123456789012', userId: 'AIDAOFFEC2USER000001' }] });
  try {
    const home = makeHome({ credentials: `[default]\naws_access_key_id = ${id}\naws_secret_access_key = ${key}\n` });
    const r = await runGuarded(['doctor', '--json'], { HOME: home, CREDCHECK_SYSFS_ROOT: fakeSysfs('QEMU'), AWS_ENDPOINT_URL_STS: sts.url });
    const j = parseJson(r);
    assertNoSecrets(r.stdout + r.stderr, [key]);
    assert.deepEqual(r.attempts, []);
    assert.equal(imdsLink(j.chain).status, 'skipped');
    assert.match(imdsLink(j.chain).reason, DMI_REASON);
    const empty = await runGuarded(['doctor', '--json'], { HOME: makeHome({}), CREDCHECK_SYSFS_ROOT: fakeSysfs('QEMU'), AWS_ENDPOINT_URL_STS: sts.url });
    const e = parseJson(empty);
    assert.deepEqual(empty.attempts, [], 'identity resolves through the SDK chain: it must stop before IMDS too');
    assert.ok(e.findings.some((f: any) => f.code === 'CC2006'), JSON.stringify(e.findings.map((f: any) => f.code)));
    assert.ok(!e.findings.some((f: any) => /attach an instance/.test(f.fix ?? '')), 'off EC2 no finding may advise an instance role');
  } finally {
    await sts.close();
  }
});

test('an explicit loopback endpoint is still probed off EC2 and on EC2 (only the default address is left alone)', async () => {
  const imds = await startImds({ mode: 'v2' });
  try {
    for (const vendor of ['QEMU', 'Amazon EC2']) {
      const before = imds.requests.length;
      const r = await runGuarded(['chain', '--json'], { HOME: makeHome({}), CREDCHECK_SYSFS_ROOT: fakeSysfs(vendor), AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url });
      const j = parseJson(r);
      assert.deepEqual(r.attempts, []);
      assert.equal(imdsLink(j).status, 'active', `${vendor}: ${JSON.stringify(imdsLink(j))}`);
      assert.ok(imds.requests.length > before, `${vendor}: the loopback IMDS was asked`);
    }
  } finally {
    await imds.close();
  }
});
