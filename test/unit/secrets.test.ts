import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clearSecrets, registerRotatingSecrets, registerSecret, scrub } from '../../src/kernel/secrets.js';

test('registered secrets are scrubbed raw, URL-encoded and base64-encoded', () => {
  clearSecrets();
  const s = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
  registerSecret(s);
  const out = scrub(`a ${s} b ${encodeURIComponent(s)} c ${Buffer.from(s).toString('base64')}`);
  assert.ok(!out.includes(s) && !out.includes(encodeURIComponent(s)) && !out.includes(Buffer.from(s).toString('base64').replace(/=+$/, '')));
  assert.match(out, /\[REDACTED\]/);
});

test('rotating secrets keep only the last generations, so long watches stay bounded', () => {
  clearSecrets();
  for (let i = 0; i < 1000; i++) registerRotatingSecrets('slot', [`rotating-secret-${String(i).padStart(6, '0')}`], 2);
  assert.equal(scrub('rotating-secret-000999'), '[REDACTED]');
  assert.equal(scrub('rotating-secret-000998'), '[REDACTED]');
  assert.equal(scrub('rotating-secret-000997'), 'rotating-secret-000997', 'older generations are dropped');
  registerSecret('permanent-secret-1');
  registerRotatingSecrets('slot', ['permanent-secret-1'], 1);
  registerRotatingSecrets('slot', ['another-secret-22'], 1);
  assert.equal(scrub('permanent-secret-1'), '[REDACTED]', 'a permanent registration survives rotation');
});
