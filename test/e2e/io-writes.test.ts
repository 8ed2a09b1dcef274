import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCanaryWorld } from '../helpers/canary-world.js';
import { CANARY } from '../helpers/home.js';
import { snapshotTree } from '../helpers/snapshot.js';
import { runAudited, straceWorks } from '../helpers/write-audit.js';
import { startSso } from '../servers/sso.js';
import { startSts } from '../servers/sts.js';
import { startImds } from '../servers/imds.js';

/**
 * Write audit: every command, run under strace, makes zero file system writes outside the files
 * the user named — including with an SSO profile whose cached token is inside the SDK's 5-minute
 * refresh window (the SDK would call SSO OIDC CreateToken and rewrite ~/.aws/sso/cache/<sha1>.json;
 * credcheck must do neither, and still resolve the credentials with the cached token).
 */
const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

export const AUDIT_COUNTS = { runs: 0, writes: 0 };

test('write audit under strace: no command writes outside its named outputs, SSO refresh included', async () => {
  assert.ok(straceWorks(), 'strace must be installed and allowed to trace (scripts/ensure-deps.sh installs it)');
  const world = makeCanaryWorld();
  const ssoCache = join(world.home, '.aws', 'sso', 'cache', `${sha1('corp')}.json`);
  // Expires in 2 minutes: inside fromSso's refresh window, still valid.
  writeFileSync(ssoCache, JSON.stringify({
    accessToken: CANARY.token, expiresAt: new Date(Date.now() + 120_000).toISOString(), region: 'us-east-1',
    startUrl: 'https://example.awsapps.com/start', clientId: 'canaryClientId', clientSecret: CANARY.secret2, refreshToken: CANARY.token2,
    registrationExpiresAt: '2099-01-01T00:00:00Z',
  }));
  const sso = await startSso({ accessToken: CANARY.token, roleCredentials: { accessKeyId: 'ASIASSOROLECREDS0001', secretAccessKey: CANARY.secret, sessionToken: CANARY.token2, expirationMs: Date.now() + 3_600_000 } });
  const sts = await startSts({ identities: [{ accessKeyId: 'ASIASSOROLECREDS0001', secretAccessKey: CANARY.secret, sessionToken: CANARY.token2, arn: 'arn:aws:sts::123456789012:assumed-role/Admin/me', account: '123456789012', userId: 'AROAEXAMPLE:me' }] });
  const imds = await startImds({ mode: 'v2' });
  const out = mkdtempSync(join(tmpdir(), 'credcheck-outputs-'));
  const junit = join(out, 'report.xml');
  const summary = join(out, 'summary.md');
  const textfile = join(out, 'credcheck.prom');
  writeFileSync(summary, '');
  const watched = join(out, 'watched-credentials');
  writeFileSync(watched, '[default]\naws_access_key_id = AKIAWATCHEDFILE00001\naws_secret_access_key = q7Vd2LmX9sK4pR8tN1wB6yH3jF0gZ5cE2uA9rTkM\n', { mode: 0o600 });
  const before = snapshotTree(world.home);
  const env = { ...world.env, AWS_ENDPOINT_URL_SSO: sso.url, AWS_ENDPOINT_URL_SSO_OIDC: sso.url, AWS_ENDPOINT_URL_STS: sts.url, AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url };
  const runs: Array<{ args: string[]; outputs?: string[]; env?: Record<string, string> }> = [
    { args: ['file', '--profile', 'sso'] },
    { args: ['chain', '--profile', 'sso', '--json'] },
    { args: ['identity', '--profile', 'sso', '--json'] },
    { args: ['preflight', '--profile', 'sso', '--junit', junit, '--format', 'github'], outputs: [junit, summary], env: { GITHUB_STEP_SUMMARY: summary, GITHUB_ACTIONS: 'true' } },
    { args: ['doctor', '--profile', 'sso', '--timeout', '8s'] },
    { args: ['clock', '--sts-endpoint', sts.url] },
    { args: ['imds'] },
    { args: ['explain', 'CC1037'] },
    // An SSO profile is not file keys (watch says what to watch instead and exits 2): follow a file.
    { args: ['watch', '--file', `${watched}#default`, '--textfile', textfile, '--for', '1500ms'], outputs: [textfile] },
    { args: ['chain', '--profile', 'proc'] },
    { args: ['doctor', '--profile', 'wi', '--timeout', '8s'] },
  ];
  try {
    for (const run of runs) {
      const r = await runAudited(run.args, { ...env, ...(run.env ?? {}) }, run.outputs ?? []);
      AUDIT_COUNTS.runs++;
      AUDIT_COUNTS.writes += r.writes.length;
      assert.deepEqual(r.writes, [], `credcheck ${run.args.join(' ')} wrote outside its outputs:\n${r.writes.join('\n')}\n${r.stderr}`);
      assert.ok(r.code === 0 || r.code === 1, `credcheck ${run.args.join(' ')} exited ${r.code}: ${r.stderr}`);
      if (run.args[0] === 'identity') {
        const j = JSON.parse(r.stdout);
        assert.equal(j.identity?.ok, true, `SSO credentials resolved from the cached token without a refresh: ${r.stdout.slice(0, 400)}`);
      }
      // Named outputs really are written (through the kernel, so the audit sees them).
      for (const o of run.outputs ?? []) if (o !== summary) assert.ok(r.allWrites.some((w) => w.endsWith(o)), `${o} was written`);
    }
    assert.equal(sso.refreshes, 0, 'no SSO OIDC CreateToken (a refresh) was ever made');
    assert.ok(sso.roleCalls.length > 0 && sso.roleCalls.every((c) => c.token === CANARY.token), 'GetRoleCredentials used the cached token');
    assert.deepEqual(snapshotTree(world.home), before, 'nothing under HOME changed (the SSO cache included)');
    assert.match(readFileSync(textfile, 'utf8'), /credcheck_/);
  } finally {
    await Promise.all([sso.close(), sts.close(), imds.close()]);
  }
});

test('watch --textfile: a symlink planted at the textfile path is replaced, never written through', async () => {
  const world = makeCanaryWorld();
  const credentials = join(world.home, '.aws', 'credentials');
  const original = readFileSync(credentials, 'utf8');
  const out = mkdtempSync(join(tmpdir(), 'credcheck-planted-'));
  const textfile = join(out, 'credcheck.prom');
  symlinkSync(credentials, textfile);
  // The old predictable temp names, planted too.
  for (let pid = 1; pid < 50; pid++) symlinkSync(credentials, join(out, `.credcheck.prom.${pid}.tmp`));
  const r = await runAudited(['watch', '--textfile', textfile, '--for', '1200ms'], world.env, [textfile]);
  AUDIT_COUNTS.runs++;
  assert.deepEqual(r.writes, []);
  assert.equal(readFileSync(credentials, 'utf8'), original, 'the credentials file is untouched');
  assert.ok(lstatSync(textfile).isFile() && !lstatSync(textfile).isSymbolicLink(), 'the textfile is now a regular file');
  assert.match(readFileSync(textfile, 'utf8'), /credcheck_/);
});
