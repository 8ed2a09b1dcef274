import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { assertNoSecrets, CANARY } from '../helpers/home.js';
import { canaryEnvKeys, makeCanaryWorld } from '../helpers/canary-world.js';
import { snapshotTree } from '../helpers/snapshot.js';
import { startSts } from '../servers/sts.js';
import { startImds } from '../servers/imds.js';
import { startContainer } from '../servers/container.js';
import { startNtpServer } from '../servers/ntp.js';
import { startBlackhole } from '../servers/blackhole.js';

/**
 * The trust suite with live loopback servers that hand out canary secrets: STS (success and
 * failure), IMDS, a container endpoint with a canary bearer token, NTP. Every network command in
 * every output format, success and failure paths, with and without --debug: no secret in stdout,
 * stderr, JUnit reports or GitHub summaries; nothing written to the inspected home; every run
 * returns within its deadline (asserted generously; speed is measured by `npm run bench`).
 */
const NETWORK_COMMANDS: string[][] = [
  ['chain'],
  ['identity'],
  ['clock'],
  ['imds'],
  ['doctor'],
  ['doctor', '--verbose', '--show-key-ids'],
  ['preflight', '--min-ttl', '2h', '--deny-long-term-keys', '--expect-account', '999999999999'],
];
const FORMATS: string[][] = [[], ['--debug'], ['--json', '--debug']];

test('live servers hand out canaries: no command, format or failure path leaks one, and none writes', async () => {
  const world = makeCanaryWorld();
  const envKeys = canaryEnvKeys();
  const sts = await startSts({
    identities: [{ accessKeyId: envKeys.AWS_ACCESS_KEY_ID!, secretAccessKey: CANARY.secret, sessionToken: CANARY.token, arn: 'arn:aws:sts::123456789012:assumed-role/ci/run', account: '123456789012', userId: 'AROAEXAMPLE:run' }],
  });
  const imds = await startImds({ mode: 'v2', credentials: { secretAccessKey: CANARY.secret2, token: CANARY.token2 } });
  const tokenDir = mkdtempSync(join(tmpdir(), 'credcheck-ctoken-'));
  writeFileSync(join(tokenDir, 'token'), CANARY.token2);
  const container = await startContainer({ authToken: CANARY.token2, credentials: { secretAccessKey: CANARY.secret2, token: CANARY.token2 } });
  const ntp = await startNtpServer({ offsetMs: 1500 });
  const hole = await startBlackhole();
  const secrets = [...Object.values(CANARY), world.jwt, world.jwt.split('.')[1]!];
  const before = snapshotTree(world.home);
  const scenarios: Array<{ name: string; env: Record<string, string> }> = [
    { name: 'env keys, STS answers', env: { ...world.env, ...envKeys, AWS_ENDPOINT_URL_STS: sts.url, AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url, CREDCHECK_NTP_SERVERS: `127.0.0.1:${ntp.port}` } },
    { name: 'env keys, STS black-holed', env: { ...world.env, ...envKeys, AWS_ENDPOINT_URL_STS: hole.tcpUrl, AWS_EC2_METADATA_SERVICE_ENDPOINT: hole.tcpUrl, CREDCHECK_NTP_SERVERS: `127.0.0.1:${hole.udpPort}` } },
    { name: 'container endpoint with bearer token file', env: { ...world.env, AWS_CONTAINER_CREDENTIALS_FULL_URI: container.fullUri, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: join(tokenDir, 'token'), AWS_ENDPOINT_URL_STS: sts.url, AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url } },
    { name: 'IMDS role credentials, failing credential_process profile', env: { ...world.env, AWS_PROFILE: 'badproc', AWS_ENDPOINT_URL_STS: sts.url, AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url } },
  ];
  try {
    for (const scenario of scenarios) {
      for (const args of NETWORK_COMMANDS) {
        for (const format of FORMATS) {
          const junit = join(tokenDir, 'report.xml');
          const summary = join(tokenDir, 'summary.md');
          const extra = args[0] === 'preflight' ? ['--junit', junit] : [];
          const all = [...args, ...format, ...extra];
          const r = await runCli(all, { ...scenario.env, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary }, 15_000);
          const label = `${scenario.name}: credcheck ${all.join(' ')}`;
          assert.ok(r.code === 0 || r.code === 1, `${label} exited ${r.code}: ${r.stderr}`);
          assertNoSecrets(r.stdout + r.stderr, secrets);
          if (!all.includes('--debug')) assert.doesNotMatch(r.stderr + r.stdout, /\n\s+at .+:\d+:\d+\)?\n/, `${label}: stack trace`);
          if (format.includes('--json')) JSON.parse(r.stdout);
          if (args[0] === 'preflight') {
            assertNoSecrets(readFileSync(junit, 'utf8'), secrets);
            assertNoSecrets(readFileSync(summary, 'utf8'), secrets);
          }
        }
      }
    }
  } finally {
    await Promise.all([sts.close(), imds.close(), container.close(), ntp.close(), hole.close()]);
  }
  assert.deepEqual(snapshotTree(world.home), before, 'a command wrote into the inspected home directory');
});
