import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startNtpServer } from '../servers/ntp.js';
import { queryNtpServer } from '../../src/areas/clock/ntp.js';
import { parseJson, runCli } from '../helpers/cli.js';

/**
 * NTP replies are accepted only from the address and port asked, in mode 4, echoing our random
 * origin: a reply from another port (an off-path spoofer), a wrong mode, a zero origin or a
 * 20-byte datagram never becomes a clock offset. IPv6 servers work.
 */
const Q = { samples: 2, replyTimeoutMs: 700, deadlineMs: 1600 };

for (const [name, options] of [
  ['a reply from another source port', { replyFromOtherPort: true }],
  ['a reply in mode 3 (client), not 4', { mode: 3 }],
  ['a reply whose origin is not our request', { wrongOrigin: true }],
  ['a 20-byte reply', { truncateTo: 20 }],
] as const) {
  test(`NTP: ${name} is not a clock reading`, async () => {
    const srv = await startNtpServer({ offsetMs: 300_000, ...options });
    try {
      const ref = await queryNtpServer({ host: '127.0.0.1', port: srv.port }, Q);
      assert.ok(srv.requests > 0, 'the server was asked');
      assert.equal(ref.offsetMs, undefined, `accepted a bad reply: offset ${ref.offsetMs}`);
      assert.equal(ref.error?.kind, options.replyFromOtherPort ? 'timeout' : 'bad-response', JSON.stringify(ref.error));
    } finally {
      await srv.close();
    }
  });
}

test('CLI: a spoofed reply from another port is never "+300 s"; clock says it could not check', async () => {
  const spoof = await startNtpServer({ offsetMs: 300_000, replyFromOtherPort: true });
  const short = await startNtpServer({ offsetMs: 300_000, truncateTo: 20 });
  try {
    for (const srv of [spoof, short]) {
      const r = await runCli(['clock', '--json', '--server', `127.0.0.1:${srv.port}`, '--sts-endpoint', 'http://127.0.0.1:9']);
      const j = parseJson(r);
      assert.equal(j.offsetMs, null, `offset ${j.offsetMs} from a bad reply`);
      assert.ok(j.findings.length > 0, 'could not check is a finding, never "No problems found"');
      assert.doesNotMatch(r.stdout, /No problems found/);
    }
  } finally {
    await Promise.all([spoof.close(), short.close()]);
  }
});

test('NTP over IPv6: [::1]:port works, and a closed [::1] port is an error, not EINVAL as "timeout"', async () => {
  const srv = await startNtpServer({ offsetMs: -90_000, ipv6: true });
  try {
    const ref = await queryNtpServer({ host: '::1', port: srv.port }, Q);
    assert.equal(ref.error, undefined, JSON.stringify(ref.error));
    assert.ok(Math.abs(ref.offsetMs! - 90_000) <= Math.max(5, ref.uncertaintyMs! + 1), `offset ${ref.offsetMs}`);
    const r = parseJson(await runCli(['clock', '--json', '--server', `[::1]:${srv.port}`, '--sts-endpoint', 'http://127.0.0.1:9']));
    assert.ok(Math.abs(r.references[0].offsetMs - 90_000) < 1000, JSON.stringify(r.references[0]));
  } finally {
    await srv.close();
  }
  const closed = parseJson(await runCli(['clock', '--json', '--server', '[::1]:9', '--sts-endpoint', 'http://127.0.0.1:9']));
  assert.doesNotMatch(JSON.stringify(closed.references[0].error ?? {}), /EINVAL/);
});
