import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bestSample, naiveOffset, sampleOf } from '../../src/areas/clock/ntp-math.js';
import { parseChrony, parseTimedatectl } from '../../src/areas/clock/daemon.js';
import { aheadBehind } from '../../src/areas/clock/words.js';
import { chooseServers } from '../../src/areas/clock/servers.js';
import { resolveStsEndpoint } from '../../src/sdk/sts/endpoint.js';

/** Timestamps of one exchange: server clock = local + serverAhead; one-way legs up, down. */
function exchange(serverAhead: number, up: number, down: number, hold = 1) {
  const t1 = 1_000_000;
  const t2 = t1 + up + serverAhead;
  const t3 = t2 + hold;
  const t4 = t1 + up + hold + down;
  return { t1, t2, t3, t4 };
}

test('offset is local − server and delay excludes the server hold time', () => {
  const s = sampleOf(exchange(300_000, 30, 30, 5));
  assert.equal(s.offsetMs, -300_000); // server ahead → local behind
  assert.equal(s.delayMs, 60);
  assert.equal(sampleOf(exchange(-90_000, 30, 30)).offsetMs, 90_000);
});

test('small offset with a round trip larger than the offset: the standard formula is exact, the naive one is not', () => {
  // server 20 ms ahead, 60 ms round trip: offset smaller than the one-way delay
  const ts = exchange(20, 30, 30);
  assert.equal(sampleOf(ts).offsetMs, -20);
  // ntp-time-sync's aggregate (server − local) says −30: wrong size and wrong sign
  assert.equal(naiveOffset(ts), -30);
  const tiny = exchange(5, 30, 30);
  assert.equal(sampleOf(tiny).offsetMs, -5);
  assert.equal(naiveOffset(tiny), -30);
  // once the offset exceeds the one-way delay the two agree, which is why the bug hides
  assert.equal(naiveOffset(exchange(40, 30, 30)), 40);
});

test('asymmetric path biases θ by half the asymmetry, within ± δ/2', () => {
  const s = sampleOf(exchange(0, 50, 10));
  assert.equal(s.offsetMs, -20);
  assert.ok(Math.abs(s.offsetMs) <= s.delayMs / 2);
});

test('the lowest-delay sample wins and carries ± half its round trip', () => {
  const best = bestSample([sampleOf(exchange(40, 80, 20)), sampleOf(exchange(40, 10, 10)), sampleOf(exchange(40, 5, 60))]);
  assert.deepEqual(best, { offsetMs: -40, delayMs: 20, uncertaintyMs: 10 });
  assert.equal(bestSample([]), undefined);
});

test('ahead/behind in words', () => {
  assert.equal(aheadBehind(-252_000), '4m12s behind');
  assert.equal(aheadBehind(-251_998.5), '4m12s behind');
  assert.match(aheadBehind(300_000), / ahead$/);
  assert.equal(aheadBehind(0), 'in step');
});

test('chrony tracking and timedatectl parse, slow = local behind', () => {
  const chrony = parseChrony(`Reference ID    : A9FEA97B (169.254.169.123)\nStratum         : 4\nSystem time     : 0.250000000 seconds slow of NTP time\nRoot delay      : 0.000500 seconds\nLeap status     : Normal\n`)!;
  assert.equal(chrony.offsetMs, -250);
  assert.equal(chrony.stratum, 4);
  assert.equal(chrony.synchronised, true);
  const fast = parseChrony('System time     : 1.5 seconds fast of NTP time\nLeap status     : Not synchronised\n')!;
  assert.equal(fast.offsetMs, 1500);
  assert.equal(fast.error?.kind, 'unsynchronised');
  assert.equal(parseChrony('506 Cannot talk to daemon'), undefined);
  assert.equal(parseTimedatectl('NTP=yes\nNTPSynchronized=no\n')!.synchronised, false);
  assert.equal(parseTimedatectl('Timezone=UTC\n'), undefined);
});

test('server and endpoint choice: flag > env > defaults (Amazon Time Sync only on EC2)', () => {
  assert.deepEqual(chooseServers(['a:124'], { CREDCHECK_NTP_SERVERS: 'b' }, true), [{ host: 'a', port: 124 }]);
  assert.deepEqual(chooseServers([], { CREDCHECK_NTP_SERVERS: 'b, c:9' }, true), [{ host: 'b', port: 123 }, { host: 'c', port: 9 }]);
  assert.deepEqual(chooseServers(undefined, {}, false).map((s) => s.host), ['time.aws.com', 'pool.ntp.org']);
  assert.equal(chooseServers(undefined, {}, true)[0]!.host, '169.254.169.123');
  assert.throws(() => chooseServers(['a:99999'], {}, false));
  // The Date-header reference uses the very endpoint `identity` calls.
  assert.equal(resolveStsEndpoint({}, 'eu-west-1').url, 'https://sts.eu-west-1.amazonaws.com');
  assert.equal(resolveStsEndpoint({ AWS_ENDPOINT_URL: 'http://x', AWS_ENDPOINT_URL_STS: 'http://y' }, 'us-east-1').url, 'http://y');
});

test('EC2 hint from DMI under CREDCHECK_SYSFS_ROOT, false when absent', async () => {
  const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { looksLikeEc2 } = await import('../../src/sdk/ec2-host.js');
  const root = mkdtempSync(join(tmpdir(), 'sysfs-'));
  assert.equal(await looksLikeEc2({ CREDCHECK_SYSFS_ROOT: root }), false);
  mkdirSync(join(root, 'sys', 'class', 'dmi', 'id'), { recursive: true });
  writeFileSync(join(root, 'sys', 'class', 'dmi', 'id', 'sys_vendor'), 'QEMU\n');
  assert.equal(await looksLikeEc2({ CREDCHECK_SYSFS_ROOT: root }), false);
  writeFileSync(join(root, 'sys', 'class', 'dmi', 'id', 'sys_vendor'), 'Amazon EC2\n');
  assert.equal(await looksLikeEc2({ CREDCHECK_SYSFS_ROOT: root }), true);
  writeFileSync(join(root, 'sys', 'class', 'dmi', 'id', 'sys_vendor'), 'Xen\n');
  writeFileSync(join(root, 'sys', 'class', 'dmi', 'id', 'board_asset_tag'), 'i-0123456789abcdef0\n');
  assert.equal(await looksLikeEc2({ CREDCHECK_SYSFS_ROOT: root }), true);
});
