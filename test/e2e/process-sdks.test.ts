import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { inspectProcess } from '../../src/areas/processes/probe.js';
import { runRules } from '../../src/kernel/rule.js';
import { RULES } from '../../src/rules.js';
import { parseJson, runCli } from '../helpers/cli.js';
import { buildGoApp, FIXTURES, KEY_NEW, KEY_OLD, makeHome, nodeAppDir, rotate, start, type Running } from '../helpers/sdk-process.js';

/**
 * Real SDK programs, started, their credentials file rotated under them, then inspected. Each
 * program also prints the key it holds (and what a fresh read would see), so the test checks the
 * SDK's real behaviour before checking what credcheck says about it.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SLACK_MS = 2600; // /proc start times are precise to ~1 s; the rule wants a 2 s margin

async function rotateAndInspect(app: Running, file: string, freshSeesNew: boolean) {
  await app.waitFor(new RegExp(`held ${KEY_OLD}`));
  await sleep(SLACK_MS);
  rotate(file);
  // The SDK's own behaviour: what it holds stays old; a fresh read sees the new key (or not).
  const line = await app.waitFor(freshSeesNew ? new RegExp(`fresh ${KEY_NEW}`) : /held /);
  await sleep(500);
  const last = app.lines.at(-1) ?? line;
  assert.match(last, new RegExp(`held ${KEY_OLD}`), `the program still holds the old key: ${last}`);
  const info = await inspectProcess(app.child.pid!);
  const findings = runRules(RULES, { now: new Date().toISOString(), processes: { status: 'ok', ms: 0, value: { processes: [info] } } });
  return { info, findings, last };
}

function hit(findings: { code: string }[], code: string) {
  const f = findings.find((x) => x.code === code) as { code: string; message: string; fix: string; severity: string } | undefined;
  assert.ok(f, `${code} expected among ${findings.map((x) => x.code).join(',')}`);
  return f;
}

test('boto3: botocore identified with its version; session keeps the old keys; fix is a new Session or a refreshable provider', async () => {
  const { home, file } = makeHome();
  const app = start('python3', [join(FIXTURES, 'boto3_app.py')], { HOME: home, AWS_EC2_METADATA_DISABLED: 'true' });
  try {
    const { info, findings } = await rotateAndInspect(app, file, true);
    const version = spawnSync('python3', ['-c', 'import botocore;print(botocore.__version__)'], { encoding: 'utf8' }).stdout.trim();
    assert.equal(info.runtime?.runtime, 'python');
    assert.equal(info.runtime?.sdk, 'botocore');
    assert.equal(info.runtime?.sdkVersion, version);
    assert.match(info.runtime?.evidence.join(' ') ?? '', /botocore\/__init__\.py/);
    assert.equal(info.model?.source, 'shared-file-keys');
    assert.equal(info.model?.rereadsFile, false);
    const f = hit(findings, 'CC6001');
    assert.equal(f.severity, 'error');
    assert.match(f.message, new RegExp(`botocore ${version.replace(/\./g, '\\.')}`));
    assert.match(f.fix, /boto3\.Session\(\)/);
    assert.doesNotMatch(f.fix, /fromIni/);
  } finally {
    app.stop();
  }
});

test('Ruby aws-sdk-core: default path is the shared_config singleton (a new SharedCredentials still returns old keys); a different path re-reads', async () => {
  const { home, file } = makeHome();
  const other = join(home, 'credentials-link');
  symlinkSync(file, other);
  const app = start('ruby', [join(FIXTURES, 'ruby_app.rb')], { HOME: home, CC_OTHER_PATH: other });
  try {
    const { info, findings } = await rotateAndInspect(app, file, true);
    const gemVersion = spawnSync('ruby', ['-e', 'require "aws-sdk-core"; print Aws::CORE_GEM_VERSION'], { encoding: 'utf8' }).stdout.trim();
    assert.equal(info.runtime?.runtime, 'ruby');
    assert.equal(info.runtime?.sdk, 'ruby-v3');
    assert.equal(info.runtime?.sdkVersion, gemVersion);
    assert.equal(info.model?.rereadsFile, false);
    const f = hit(findings, 'CC6001');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /shared_config|singleton/);
    assert.match(f.fix, /different path|symlink/);
    assert.match(f.fix, /Restart/);
    // The same through the CLI, as an operator would run it.
    const out = parseJson(await runCli(['doctor', '--pid', String(app.child.pid), '--offline', '--json']));
    const cli = out.findings.find((x: { code: string }) => x.code === 'CC6001');
    assert.ok(cli, JSON.stringify(out.findings.map((x: { code: string }) => x.code)));
    assert.match(cli.message, /aws-sdk-core/);
  } finally {
    app.stop();
  }
});

test('Go SDK v2 (GOPATH build from Debian sources): identified from the binary; aws.Config keeps the old keys; fix is LoadDefaultConfig again', async () => {
  const bin = buildGoApp();
  const meta = readFileSync('/usr/share/gocode/src/github.com/aws/aws-sdk-go-v2/aws/go_module_metadata.go', 'utf8');
  const version = /goModuleVersion = "([^"]+)"/.exec(meta)?.[1];
  const { home, file } = makeHome();
  const app = start(bin, [], { HOME: home, AWS_EC2_METADATA_DISABLED: 'true' });
  try {
    const { info, findings } = await rotateAndInspect(app, file, true);
    assert.equal(info.runtime?.runtime, 'go');
    assert.equal(info.runtime?.sdk, 'go-v2');
    assert.equal(info.runtime?.sdkVersion, `v${version}`);
    assert.match(info.runtime?.evidence.join(' ') ?? '', /\.gopclntab/);
    const f = hit(findings, 'CC6001');
    assert.equal(f.severity, 'error');
    assert.match(f.fix, /LoadDefaultConfig/);
  } finally {
    app.stop();
  }
});

test('JavaScript SDK v3: identified beside its script; even a new client reads the cached file; ignoreCache sees the new key', async () => {
  const dir = nodeAppDir();
  const { home, file } = makeHome();
  const marker = join(dir, 'ignore-cache-now');
  const app = start(process.execPath, [join(dir, 'app.cjs')], { HOME: home, AWS_EC2_METADATA_DISABLED: 'true', CC_IGNORE_MARKER: marker }, dir);
  try {
    const { info, findings, last } = await rotateAndInspect(app, file, false);
    assert.match(last, new RegExp(`fresh ${KEY_OLD}`), 'a new client still gets the per-process cached file');
    writeFileSync(marker, '');
    await app.waitFor(new RegExp(`ignoreCache ${KEY_NEW}`));
    const pkg = JSON.parse(readFileSync(join(dir, 'node_modules', '@aws-sdk', 'credential-provider-node', 'package.json'), 'utf8')) as { version: string };
    assert.equal(info.runtime?.runtime, 'node');
    assert.equal(info.runtime?.sdk, 'js-v3');
    assert.equal(info.runtime?.sdkVersion, pkg.version);
    const f = hit(findings, 'CC6001');
    assert.match(f.fix, /ignoreCache: true/);
    assert.match(f.fix, /expiration/);
  } finally {
    app.stop();
  }
});
