import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { probeClock } from '../../src/areas/clock/probe.js';
import { probeAwsDate } from '../../src/areas/clock/aws-date.js';
import { clockBody, clockJson } from '../../src/areas/clock/render.js';
import { probeIdentity } from '../../src/areas/identity/probe.js';
import { identityBody, identityJson } from '../../src/areas/identity/render.js';
import { preflightInputs } from '../../src/commands/preflight/from-facts.js';
import { evaluate } from '../../src/commands/preflight/checks.js';
import { preflightJson } from '../../src/commands/preflight/render.js';
import { makeStyle } from '../../src/kernel/style.js';
import { CANARY, makeHome } from '../helpers/home.js';
import { startNtpServer, type RunningNtpServer } from '../servers/ntp.js';
import { startSts, type StsServer } from '../servers/sts.js';

/**
 * One skewed world, every producer of a clock offset: NTP and AWS both run 5 minutes ahead of this
 * host, so this host is 5 minutes behind, and every JSON offset (local − reference) is negative
 * and every sentence says "behind". Loopback servers only.
 */
const SKEW_MS = 5 * 60_000;
const KEY = { accessKeyId: 'AKIAEXAMPLESIGNTEST1', secretAccessKey: CANARY.secret, arn: 'arn:aws:iam::111122223333:user/ci', account: '111122223333', userId: 'AIDAEXAMPLE' };
const near = (ms: number) => Math.abs(ms + SKEW_MS) < 3000;
const words = (lines: string[]) => lines.join(' ').replace(/\s+/g, ' ');

let sts: StsServer;
let ntp: RunningNtpServer;
let env: NodeJS.ProcessEnv;
before(async () => {
  sts = await startSts({ clockOffsetMs: SKEW_MS, identities: [KEY] });
  ntp = await startNtpServer({ offsetMs: SKEW_MS });
  const home = makeHome();
  // The SDK's file loader reads process.env: point it at an empty home, never the developer's.
  Object.assign(process.env, { HOME: home, AWS_CONFIG_FILE: join(home, '.aws', 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials') });
  env = { HOME: home, AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL_STS: sts.url, AWS_EC2_METADATA_DISABLED: 'true' };
});
after(async () => {
  await Promise.all([sts.close(), ntp.close()]);
});

test('a host 5 minutes behind: clock, identity, preflight and watch all give a negative offset and say "behind"', async () => {
  const style = makeStyle({ color: false }, {});

  const clock = await probeClock({ env, servers: [`127.0.0.1:${ntp.port}`], stsEndpoint: sts.url });
  const clockResult = { status: 'ok' as const, ms: 1, value: clock };
  const clockOffset = clockJson(clockResult).offsetMs as number;
  assert.ok(near(clockOffset), `clock offsetMs ${clockOffset}`);
  assert.match(words(clockBody(clockResult, style)), /This clock is (5m00s|4m5\ds) behind/);

  const identity = await probeIdentity({ env, credentials: async () => ({ accessKeyId: KEY.accessKeyId, secretAccessKey: KEY.secretAccessKey }) });
  const idResult = { status: 'ok' as const, ms: 1, value: identity };
  const idJson = identityJson(idResult).identity as { clockOffsetMs: number; sdkClockOffsetMs: number };
  assert.ok(near(idJson.clockOffsetMs), `identity clockOffsetMs ${idJson.clockOffsetMs}`);
  // The SDK had to correct its clock (AWS rejects 5 min): its offset is given in the same sign.
  assert.ok(idJson.sdkClockOffsetMs < 0, `identity sdkClockOffsetMs ${idJson.sdkClockOffsetMs}`);
  assert.match(words(identityBody(idResult, style)), /this host is (5m00s|4m5\ds) behind AWS/);

  const now = new Date().toISOString();
  const inputs = preflightInputs({ now, identity: idResult }, env, {});
  const checks = evaluate(inputs, { expectAccounts: [], denyLongTermKeys: false, maxClockSkewMs: 60_000, requireRegion: false, strict: false }, now);
  const pf = preflightJson({ inputs, checks }) as { inputs: { clock: { offsetMs: number } } };
  assert.ok(near(pf.inputs.clock.offsetMs), `preflight inputs.clock.offsetMs ${pf.inputs.clock.offsetMs}`);
  assert.match(checks.find((c) => c.id === 'clock-skew')!.reason, /this clock is behind the AWS Date header .* by (5m00s|4m5\ds)/);

  // watch --validate's clock events and its Prometheus gauge carry this reference's offset as is.
  const watched = await probeAwsDate(sts.url, 5000, { maxRequests: 4 });
  assert.ok(near(watched.offsetMs!), `watch offsetMs ${watched.offsetMs}`);
});
