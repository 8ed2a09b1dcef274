import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRules } from '../../src/kernel/rule.js';
import { RULES } from '../../src/rules.js';

/** The io facts (refusals, inputs not understood) become findings in every command. */
test('CC1036, CC1038 and CC6104 come from the io facts', () => {
  const findings = runRules(RULES, {
    now: '2026-01-01T00:00:00Z',
    io: {
      refusals: [
        { op: 'web identity token', path: '/tmp/fifo', kind: 'read', why: 'AWS_WEB_IDENTITY_TOKEN_FILE', status: 'not-regular', fileType: 'fifo' },
        { op: 'promises.writeFile', path: '/home/u/.aws/sso/cache/x.json', kind: 'write', why: 'read-only' },
      ],
      unparsed: [{ what: 'AWS_CREDENTIAL_EXPIRATION', value: 'garbage', why: 'not an ISO 8601 time', effect: 'x', fix: 'y' }],
    },
  });
  const codes = findings.map((f) => f.code).sort();
  assert.deepEqual(codes, ['CC1036', 'CC1038', 'CC6104']);
  assert.match(findings.find((f) => f.code === 'CC1036')!.message, /FIFO/);
  assert.equal(runRules(RULES, { now: '2026-01-01T00:00:00Z', io: { refusals: [], unparsed: [] } }).length, 0);
});
