import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT, SAFE_ENV } from '../helpers/cli.js';
import { CANARY, assertNoSecrets, makeHome } from '../helpers/home.js';
import { startSts, type StsServer } from '../servers/sts.js';

const ACCOUNT = '111122223333';
const SESSION = { accessKeyId: 'ASIAEXAMPLESESSION01', secretAccessKey: CANARY.secret, sessionToken: CANARY.token, arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/ci-run-7`, account: ACCOUNT, userId: 'AROAEXAMPLE:ci-run-7' };
const COMMITTED = join(REPO_ROOT, 'action', 'dist', 'index.cjs');
const FRESH = join(REPO_ROOT, 'dist', 'action', 'index.cjs');

interface Step {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  githubEnv: string;
}

/** The runner's file-command syntax: name<<DELIMITER, value lines, DELIMITER. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([\w-]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const end = lines.indexOf(m[2]!, i + 1);
    assert.ok(end > i, `output ${m[1]} has no closing delimiter`);
    out[m[1]!] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return out;
}

/** Runs the action's entry point as the runner does: `node main`, inputs as INPUT_*, file commands in RUNNER_TEMP. */
function runStep(entry: string, inputs: Record<string, string>, env: Record<string, string>): Promise<Step> {
  const temp = mkdtempSync(join(tmpdir(), 'credcheck-runner-'));
  const files = { GITHUB_OUTPUT: join(temp, 'output'), GITHUB_STEP_SUMMARY: join(temp, 'summary'), GITHUB_ENV: join(temp, 'env'), GITHUB_PATH: join(temp, 'path') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const runnerEnv: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', ...SAFE_ENV, GITHUB_ACTIONS: 'true', CI: 'true', RUNNER_TEMP: temp, RUNNER_OS: 'Linux', GITHUB_WORKSPACE: temp, ...files, ...env };
  for (const [name, value] of Object.entries(inputs)) runnerEnv[`INPUT_${name.toUpperCase()}`] = value;
  return new Promise((resolve) => {
    execFile(process.execPath, [entry], { env: runnerEnv, cwd: temp, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({
        code: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
        stdout,
        stderr,
        outputs: parseOutputs(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
        summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
        githubEnv: readFileSync(files.GITHUB_ENV, 'utf8'),
      });
    });
  });
}

function sessionEnv(sts: StsServer, extra: Record<string, string> = {}): Record<string, string> {
  return {
    HOME: makeHome(),
    AWS_ENDPOINT_URL_STS: sts.url,
    AWS_ACCESS_KEY_ID: SESSION.accessKeyId,
    AWS_SECRET_ACCESS_KEY: SESSION.secretAccessKey,
    AWS_SESSION_TOKEN: SESSION.sessionToken,
    ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/token',
    ...extra,
  };
}

function assertClean(step: Step): void {
  for (const text of [step.stdout, step.stderr, step.summary, JSON.stringify(step.outputs), step.githubEnv]) assertNoSecrets(text);
  assert.doesNotMatch(step.stderr, /at .*:\d+:\d+\)/, 'no stack trace');
  assert.equal(step.githubEnv, '', 'the action exports nothing into later steps');
}

describe('GitHub Action (action.yml)', () => {
  let sts: StsServer;
  before(async () => {
    sts = await startSts({ identities: [SESSION] });
    // The entry point built from the sources under test (the committed one is checked below).
    const { buildAction } = (await import(join(REPO_ROOT, 'scripts', 'build-action.mjs'))) as { buildAction: (out: string) => Promise<string> };
    await buildAction(FRESH);
  });
  after(() => sts.close());

  it('action.yml is valid action metadata and points at the committed entry point', () => {
    const text = readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8');
    const { validateAction } = createRequire(import.meta.url)('@action-validator/core') as { validateAction: (src: string) => { errors: unknown[] } };
    // The schema inside @action-validator/core 0.6.0 predates node24 (GitHub's docs list node20
    // and node24 for runs.using); everything else is validated as published.
    assert.match(text, /^ {2}using: node24$/m);
    assert.deepEqual(validateAction(text.replace(/^ {2}using: node24$/m, '  using: node20')).errors, []);
    assert.notDeepEqual(validateAction(text.replace(/^ {2}using: node24$/m, '  using: node20').replace('runs:', 'runz:')).errors, [], 'the validator rejects a broken file');
    assert.match(text, /^ {2}main: action\/dist\/index\.cjs$/m);
    for (const name of ['min-ttl', 'expected-account', 'expected-arn', 'strict', 'profile', 'fail-on']) assert.match(text, new RegExp(`^ {2}${name}:$`, 'm'), `input ${name}`);
    for (const name of ['account', 'arn', 'source', 'expiration', 'ttl-seconds']) assert.match(text, new RegExp(`^ {2}${name}:$`, 'm'), `output ${name}`);
  });

  it('passing checks: outputs, a step summary, exit 0', async () => {
    const expiration = new Date(Date.now() + 2 * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const step = await runStep(FRESH, { 'min-ttl': '70m', 'expected-account': `999999999999, ${ACCOUNT}`, 'expected-arn': `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/*`, strict: 'true' }, sessionEnv(sts, { AWS_CREDENTIAL_EXPIRATION: expiration }));
    assert.equal(step.code, 0, step.stdout + step.stderr);
    assert.equal(step.outputs.account, ACCOUNT);
    assert.equal(step.outputs.arn, SESSION.arn);
    assert.match(step.outputs.source!, /environment/i);
    assert.equal(Date.parse(step.outputs.expiration!), Date.parse(expiration));
    const ttl = Number(step.outputs['ttl-seconds']);
    assert.ok(ttl > 7200 - 300 && ttl <= 7200, `ttl-seconds ${step.outputs['ttl-seconds']}`);
    assert.match(step.summary, /^### credcheck preflight\n/);
    assert.match(step.summary, /\| expected account \| ✅ pass \|/);
    assert.match(step.stdout, /^PASS credentials last long enough: /m);
    assert.doesNotMatch(step.stdout, /id-token/);
    assertClean(step);
  });

  it('a failing check: an error annotation, exit 1; unknown values are empty outputs', async () => {
    const step = await runStep(FRESH, { 'expected-account': '999999999999' }, sessionEnv(sts));
    assert.equal(step.code, 1, step.stdout + step.stderr);
    assert.match(step.stdout, /^::error title=CC8004 Credentials belong to an unexpected account::/m);
    assert.match(step.summary, /\| expected account \| ❌ fail \|/);
    assert.equal(step.outputs.expiration, '');
    assert.equal(step.outputs['ttl-seconds'], '');
    assertClean(step);
  });

  it('fail-on warning turns a warning into a failed step', async () => {
    const warned = await runStep(FRESH, { 'min-ttl': '70m' }, sessionEnv(sts));
    assert.equal(warned.code, 0, warned.stdout);
    assert.match(warned.stdout, /^::warning /m);
    const failed = await runStep(FRESH, { 'min-ttl': '70m', 'fail-on': 'warning' }, sessionEnv(sts));
    assert.equal(failed.code, 1, failed.stdout);
  });

  it('OIDC without permissions: id-token: write says exactly that', async () => {
    const env = { HOME: makeHome(), AWS_ROLE_ARN: `arn:aws:iam::${ACCOUNT}:role/deployer`, AWS_ENDPOINT_URL_STS: sts.url };
    const step = await runStep(FRESH, {}, env);
    assert.equal(step.code, 1, step.stdout + step.stderr);
    assert.match(step.stdout, /^::error title=OIDC token unavailable::ACTIONS_ID_TOKEN_REQUEST_URL is unset.*add permissions: id-token: write/m);
    assert.match(step.summary, /add permissions: id-token: write/);
    const permitted = await runStep(FRESH, {}, { ...env, ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/token' });
    assert.doesNotMatch(permitted.stdout + permitted.summary, /id-token/);
    assertClean(step);
  });

  it('a bad input is one annotation and exit 2', async () => {
    const step = await runStep(FRESH, { strict: 'maybe' }, sessionEnv(sts));
    assert.equal(step.code, 2);
    assert.match(step.stdout, /^::error title=credcheck::input strict must be true or false, not "maybe"$/m);
    const ttl = await runStep(FRESH, { 'min-ttl': 'soon' }, sessionEnv(sts));
    assert.equal(ttl.code, 2, ttl.stdout);
    assert.match(ttl.stderr, /--min-ttl/);
  });

  it('the committed entry point runs the same way (no install: one file, no node_modules)', async () => {
    const step = await runStep(COMMITTED, { 'expected-account': ACCOUNT }, sessionEnv(sts));
    assert.equal(step.code, 0, step.stdout + step.stderr);
    assert.equal(step.outputs.account, ACCOUNT);
    assert.match(step.summary, /### credcheck preflight/);
    assertClean(step);
  });
});
