import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRules } from '../../src/kernel/rule.js';
import CC2007 from '../../src/areas/chain/rules/CC2007-sso-login-needed.js';
import { readSsoToken } from '../../src/sdk/sso/token-cache.js';
import { scrub } from '../../src/kernel/secrets.js';

function home(key?: string, token?: object): string {
  const h = mkdtempSync(join(tmpdir(), 'cc-sso-'));
  mkdirSync(join(h, '.aws', 'sso', 'cache'), { recursive: true });
  if (key && token) writeFileSync(join(h, '.aws', 'sso', 'cache', `${createHash('sha1').update(key).digest('hex')}.json`), JSON.stringify(token));
  return h;
}
const now = new Date('2026-06-01T12:00:00Z');
const SECRET = 'ssoACCESStokenCANARY0000000000000001';

test('the SSO cache is found where the SDKs look: sha1 of the session name, or of the start URL', async () => {
  const byName = await readSsoToken('dev', 'corp', undefined, home('corp', { accessToken: SECRET, expiresAt: '2026-06-01T13:00:00Z' }), now);
  assert.equal(byName?.status, 'valid');
  assert.equal(byName?.loginCommand, 'aws sso login --sso-session corp');
  const legacy = await readSsoToken('sso', undefined, 'https://corp.awsapps.com/start', home(), now);
  assert.equal(legacy?.status, 'missing');
  assert.equal(legacy?.loginCommand, 'aws sso login --profile sso');
  assert.ok(!scrub(JSON.stringify(byName)).includes(SECRET) && !JSON.stringify(byName).includes(SECRET), 'the token never leaves');
});

test('an expired sso-session token with a live registration refreshes itself; without one it needs a login', async () => {
  const base = { accessToken: SECRET, expiresAt: '2026-06-01T11:00:00Z', refreshToken: 'r', clientId: 'c', clientSecret: 's' };
  assert.equal((await readSsoToken('dev', 'corp', undefined, home('corp', { ...base, registrationExpiresAt: '2026-09-01T00:00:00Z' }), now))?.status, 'refreshable');
  assert.equal((await readSsoToken('dev', 'corp', undefined, home('corp', { ...base, registrationExpiresAt: '2026-05-01T00:00:00Z' }), now))?.status, 'expired');
});

test('CC2007 names the exact login command, and says nothing for a valid or refreshable token', () => {
  const facts = (status: string) => ({ now: now.toISOString(), chain: { status: 'ok', ms: 1, value: { sso: { profile: 'dev', session: 'corp', cachePath: '/h/x.json', status, expiresAt: '2026-06-01T11:00:00.000Z', loginCommand: 'aws sso login --sso-session corp' } } } }) as never;
  const f = runRules([CC2007], facts('expired'));
  assert.deepEqual(f.map((x) => x.code), ['CC2007']);
  assert.match(f[0]!.fix, /aws sso login --sso-session corp/);
  assert.match(f[0]!.message, /expired at 2026-06-01T11:00:00.000Z, 1h00m ago/);
  assert.deepEqual(runRules([CC2007], facts('valid')), []);
  assert.deepEqual(runRules([CC2007], facts('refreshable')), []);
});
