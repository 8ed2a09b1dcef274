import { createHash } from 'node:crypto';
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
  // Distinct values per generation: scrubbing matches any 8-character window, so near-identical
  // secrets would share windows and an old one would still (rightly) be caught by a new one.
  const gen = (i: number) => createHash('sha256').update(String(i)).digest('hex').slice(0, 24);
  for (let i = 0; i < 1000; i++) registerRotatingSecrets('slot', [gen(i)], 2);
  assert.equal(scrub(gen(999)), '[REDACTED]');
  assert.equal(scrub(gen(998)), '[REDACTED]');
  assert.equal(scrub(gen(997)), gen(997), 'older generations are dropped');
  registerSecret('permanent-secret-1');
  registerRotatingSecrets('slot', ['permanent-secret-1'], 1);
  registerRotatingSecrets('slot', ['another-secret-22'], 1);
  assert.equal(scrub('permanent-secret-1'), '[REDACTED]', 'a permanent registration survives rotation');
});
