import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { dmiHint } from '../../src/sdk/ec2-host.js';
import { resolveImdsConfig } from '../../src/areas/imds/config.js';
import { skipReason } from '../../src/areas/imds/probe.js';
import { imdsProxyFacts as proxyFacts } from '../../src/sdk/proxy.js';
import { containerKind } from '../../src/areas/imds/container.js';

function sysfs(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'credcheck-sysfs-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text + '\n');
  }
  return root;
}

test('dmiHint: Nitro vendor, Xen ec2 uuid, asset tag → ec2; other vendor → not-ec2; nothing → unknown', async () => {
  assert.equal((await dmiHint({ CREDCHECK_SYSFS_ROOT: sysfs({ 'sys/class/dmi/id/sys_vendor': 'Amazon EC2' }) })).verdict, 'ec2');
  assert.equal((await dmiHint({ CREDCHECK_SYSFS_ROOT: sysfs({ 'sys/class/dmi/id/sys_vendor': 'Xen', 'sys/hypervisor/uuid': 'ec2e1916-9099-7caf-fd21-012345abcdef' }) })).verdict, 'ec2');
  assert.equal((await dmiHint({ CREDCHECK_SYSFS_ROOT: sysfs({ 'sys/class/dmi/id/board_asset_tag': 'i-0123456789abcdef0' }) })).verdict, 'ec2');
  const qemu = await dmiHint({ CREDCHECK_SYSFS_ROOT: sysfs({ 'sys/class/dmi/id/sys_vendor': 'QEMU', 'sys/class/dmi/id/product_name': 'Standard PC' }) });
  assert.equal(qemu.verdict, 'not-ec2');
  assert.match(qemu.evidence, /QEMU/);
  assert.equal((await dmiHint({ CREDCHECK_SYSFS_ROOT: '/nonexistent/root' })).verdict, 'unknown');
});

const NOFILES = { AWS_CONFIG_FILE: '/nonexistent/c', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/s' };

test('skipReason: only the default endpoint with a positive not-EC2 DMI verdict is skipped', async () => {
  const notEc2 = { verdict: 'not-ec2' as const, evidence: 'sys_vendor "QEMU"', root: '/' };
  const def = await resolveImdsConfig({ ...NOFILES });
  assert.equal(def.endpoint, 'http://169.254.169.254');
  assert.match(skipReason(def, notEc2) ?? '', /not on EC2 per DMI.*AWS_EC2_METADATA_SERVICE_ENDPOINT or pass --endpoint/);
  assert.equal(skipReason(def, notEc2, 'http://127.0.0.1:1'), undefined);
  assert.equal(skipReason(def, { ...notEc2, verdict: 'unknown' }), undefined);
  const custom = await resolveImdsConfig({ ...NOFILES, AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.1:5' });
  assert.equal(skipReason(custom, notEc2), undefined);
});

test('endpoint resolution follows the SDK: env, config file, mode (case-sensitive), and says which applied', async () => {
  const v6 = await resolveImdsConfig({ ...NOFILES, AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: 'IPv6' });
  assert.equal(v6.endpoint, 'http://[fd00:ec2::254]');
  assert.match(v6.endpointSource, /IPv6.*env AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE/);
  const bad = await resolveImdsConfig({ ...NOFILES, AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: 'ipv6' });
  assert.match(bad.problems.join(), /Unsupported endpoint mode/);
  const dir = mkdtempSync(join(tmpdir(), 'credcheck-cfg-'));
  writeFileSync(join(dir, 'config'), '[profile p]\nec2_metadata_service_endpoint = http://127.0.0.1:7\nec2_metadata_v1_disabled = true\n');
  const old = { c: process.env.AWS_CONFIG_FILE, s: process.env.AWS_SHARED_CREDENTIALS_FILE };
  process.env.AWS_CONFIG_FILE = join(dir, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/s';
  try {
    const fromFile = await resolveImdsConfig({ ...process.env, AWS_PROFILE: 'p', AWS_EC2_METADATA_SERVICE_ENDPOINT: undefined, AWS_EC2_METADATA_V1_DISABLED: undefined });
    assert.equal(fromFile.endpoint, 'http://127.0.0.1:7');
    assert.equal(fromFile.endpointSource, 'config ec2_metadata_service_endpoint');
    assert.equal(fromFile.v1Disabled, true);
    assert.match(fromFile.v1DisabledSource ?? '', /config ec2_metadata_v1_disabled/);
    const envWins = await resolveImdsConfig({ ...process.env, AWS_PROFILE: 'p', AWS_EC2_METADATA_V1_DISABLED: 'false', AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.1:8' });
    assert.equal(envWins.v1Disabled, false);
    assert.equal(envWins.endpoint, 'http://127.0.0.1:8');
  } finally {
    process.env.AWS_CONFIG_FILE = old.c;
    process.env.AWS_SHARED_CREDENTIALS_FILE = old.s;
    if (old.c === undefined) delete process.env.AWS_CONFIG_FILE;
    if (old.s === undefined) delete process.env.AWS_SHARED_CREDENTIALS_FILE;
  }
  assert.equal((await resolveImdsConfig({ ...NOFILES, AWS_EC2_METADATA_DISABLED: 'false' })).disabled, false);
  assert.equal((await resolveImdsConfig({ ...NOFILES, AWS_EC2_METADATA_DISABLED: 'true' })).disabled, true);
});

test('proxyFacts: lowercase http_proxy catches curl too; literal NO_PROXY or * bypasses; credentials stripped', () => {
  const p = proxyFacts({ http_proxy: 'http://u:pass12345678@p:3128' })!;
  assert.equal(p.proxy, 'http://p:3128');
  assert.equal(p.bypassed, false);
  assert.equal(p.tools.length, 2);
  assert.equal(proxyFacts({ HTTP_PROXY: 'http://p:3128' })!.tools.length, 1);
  assert.equal(proxyFacts({ HTTP_PROXY: 'http://p:3128', no_proxy: '169.254.169.254' })!.bypassed, true);
  assert.equal(proxyFacts({ HTTP_PROXY: 'http://p:3128', NO_PROXY: '*' })!.bypassed, true);
  assert.equal(proxyFacts({ HTTP_PROXY: 'http://p:3128', NO_PROXY: '169.254.0.0/16' })!.bypassed, false);
  assert.equal(proxyFacts({}), undefined);
});

test('containerKind mirrors fromHttp checkUrl', () => {
  assert.equal(containerKind(new URL('http://169.254.170.2/v2/x')), 'ecs');
  assert.equal(containerKind(new URL('http://169.254.170.23/v1/credentials')), 'eks-pod-identity');
  assert.equal(containerKind(new URL('http://[fd00:ec2::23]/v1/credentials')), 'eks-pod-identity');
  assert.equal(containerKind(new URL('http://127.0.0.5:80/x')), 'loopback');
  assert.equal(containerKind(new URL('http://localhost/x')), 'loopback');
  assert.equal(containerKind(new URL('https://creds.example.com/x')), 'https');
  assert.equal(containerKind(new URL('http://10.0.0.1/x')), 'not-allowed');
});

test('defaultImdsOffLimits: the one rule — default endpoint, not named by the user, DMI not EC2', async () => {
  const { defaultImdsOffLimits } = await import('../../src/sdk/ec2-host.js');
  const qemu = { verdict: 'not-ec2' as const, evidence: 'sys_vendor "QEMU"', root: '/' };
  const unknown = { verdict: 'unknown' as const, evidence: 'no readable DMI or hypervisor data', root: '/' };
  const ec2 = { verdict: 'ec2' as const, evidence: 'sys_vendor "Amazon EC2"', root: '/' };
  assert.equal(defaultImdsOffLimits(qemu, { isDefault: true }), 'not on EC2 per DMI (sys_vendor "QEMU")');
  assert.equal(defaultImdsOffLimits(qemu, { isDefault: true, explicit: true }), undefined);
  assert.equal(defaultImdsOffLimits(qemu, { isDefault: false }), undefined);
  assert.equal(defaultImdsOffLimits(unknown, { isDefault: true }), undefined, 'chain and imds still probe when DMI cannot tell');
  assert.match(defaultImdsOffLimits(unknown, { isDefault: true }, { requireEc2: true }) ?? '', /not known to be on EC2/);
  assert.equal(defaultImdsOffLimits(ec2, { isDefault: true }, { requireEc2: true }), undefined);
});

test('dmiHint is read once per env object (and root); another env object reads afresh', async () => {
  const root = sysfs({ 'sys/class/dmi/id/sys_vendor': 'QEMU' });
  const env = { CREDCHECK_SYSFS_ROOT: root };
  const first = dmiHint(env);
  assert.equal(dmiHint(env), first, 'the same promise: one read per run');
  assert.equal((await first).verdict, 'not-ec2');
  writeFileSync(join(root, 'sys/class/dmi/id/sys_vendor'), 'Amazon EC2\n');
  assert.equal((await dmiHint(env)).verdict, 'not-ec2');
  assert.equal((await dmiHint({ CREDCHECK_SYSFS_ROOT: root })).verdict, 'ec2');
});
