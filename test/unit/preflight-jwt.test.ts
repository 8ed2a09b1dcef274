import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeJwt } from '../../src/sdk/jwt.js';
import { scrub } from '../../src/kernel/secrets.js';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
export function makeJwt(payload: Record<string, unknown>): string {
  return `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(payload)}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`;
}

describe('decodeJwt', () => {
  it('reports exp, iss, sub, aud without verifying', () => {
    const r = decodeJwt(`${makeJwt({ exp: 1_800_000_000, iat: 1_799_999_000, iss: 'https://gitlab.example.com', sub: 'project_path:g/p:ref_type:branch:ref:main', aud: 'sts.amazonaws.com' })}\n`);
    assert.ok(r.ok);
    assert.equal(r.claims.exp, '2027-01-15T08:00:00.000Z');
    assert.equal(r.claims.iss, 'https://gitlab.example.com');
    assert.deepEqual(r.claims.aud, ['sts.amazonaws.com']);
  });

  it('accepts aud arrays and base64url characters (- and _)', () => {
    const r = decodeJwt(makeJwt({ exp: 1, aud: ['a', 'b'], sub: '>>>???' }));
    assert.ok(r.ok);
    assert.deepEqual(r.claims.aud, ['a', 'b']);
    assert.equal(r.claims.sub, '>>>???');
  });

  it('malformed tokens give a clear reason', () => {
    assert.deepEqual(decodeJwt(''), { ok: false, reason: 'the token file is empty' });
    assert.match((decodeJwt('abc') as { reason: string }).reason, /3 dot-separated parts, found 1/);
    assert.match((decodeJwt('a.b$c.d') as { reason: string }).reason, /not base64url/);
    assert.match((decodeJwt(`a.${Buffer.from('nope').toString('base64url')}.c`) as { reason: string }).reason, /not JSON/);
    assert.match((decodeJwt(`a.${b64([1])}.c`) as { reason: string }).reason, /not a JSON object/);
    assert.match((decodeJwt(makeJwt({ exp: 'tomorrow' })) as { reason: string }).reason, /"exp"/);
  });

  it('registers the token so it can never be printed', () => {
    const token = makeJwt({ exp: 2, sub: 'secret-subject-claim' });
    decodeJwt(token);
    assert.ok(!scrub(`x ${token} y`).includes(token));
    assert.ok(!scrub(token.split('.')[2]!).includes('c2lnbmF0dXJlLW5vdC1jaGVja2Vk'));
  });
});
