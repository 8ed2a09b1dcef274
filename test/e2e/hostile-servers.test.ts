import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';
import { assertNoSecrets, CANARY, makeHome } from '../helpers/home.js';
import { startHostile, type HostileMode } from '../servers/hostile.js';

/**
 * Hostile servers standing in for STS, IMDS and the container endpoint: every command returns
 * within its deadline with a finding or a one-line error, exits 0 or 1 (never 2 = "credcheck
 * could not run"), prints no stack trace and no secret, and never follows a redirect to another
 * host for credentials. Bounds are generous; `npm run bench` measures real times.
 */
const MODES: HostileMode[] = ['hang-after-headers', 'drip', 'huge-body', 'invalid-body', 'reset', 'wrong-content-type', 'redirect'];

for (const mode of MODES) {
  test(`hostile endpoint (${mode}): identity, imds, chain, clock, doctor stay bounded and readable`, async () => {
    const hostile = await startHostile(mode);
    const home = makeHome();
    const env = {
      HOME: home,
      AWS_ACCESS_KEY_ID: 'AKIAHOSTILETEST00001',
      AWS_SECRET_ACCESS_KEY: CANARY.secret,
      AWS_ENDPOINT_URL_STS: hostile.url,
      AWS_EC2_METADATA_SERVICE_ENDPOINT: hostile.url,
    };
    const containerEnv = { HOME: home, AWS_CONTAINER_CREDENTIALS_FULL_URI: `${hostile.url}/creds`, AWS_CONTAINER_AUTHORIZATION_TOKEN: CANARY.token, AWS_ENDPOINT_URL_STS: hostile.url, AWS_EC2_METADATA_SERVICE_ENDPOINT: hostile.url };
    try {
      const runs: Array<[string[], Record<string, string>]> = [
        [['identity'], env],
        [['imds'], env],
        [['clock', '--sts-endpoint', hostile.url], env],
        [['chain'], containerEnv],
        [['doctor', '--json'], containerEnv],
      ];
      for (const [args, e] of runs) {
        const r = await runCli(args, e, 20_000);
        const label = `${mode}: credcheck ${args.join(' ')}`;
        assert.ok(r.code === 0 || r.code === 1, `${label} exited ${r.code}: ${r.stderr}`);
        assert.ok(r.ms < 12_000, `${label} took ${Math.round(r.ms)} ms`);
        assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at .+:\d+:\d+\)?\n/, `${label} printed a stack trace`);
        assert.doesNotMatch(r.stdout + r.stderr, /127\.0\.0\.2/, `${label} followed or echoed the redirect target`);
        assertNoSecrets(r.stdout + r.stderr);
        if (args.includes('--json')) JSON.parse(r.stdout);
      }
    } finally {
      await hostile.close();
    }
  });
}
