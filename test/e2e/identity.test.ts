import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { parseJson, runCli, type CliResult } from '../helpers/cli.js';
import { assertNoSecrets, CANARY, makeHome } from '../helpers/home.js';
import { startProxy } from '../servers/proxy.js';
import { startSts, type StsServer } from '../servers/sts.js';
import { makeTlsFixture } from '../servers/tls.js';

const ALICE = {
  accessKeyId: 'AKIAEXAMPLEALICE0001', secretAccessKey: CANARY.secret,
  arn: 'arn:aws:iam::111122223333:user/alice', account: '111122223333', userId: 'AIDAEXAMPLEALICE0001',
};
const SESSION = {
  accessKeyId: 'ASIAEXAMPLESESSION01', secretAccessKey: CANARY.secret2, sessionToken: CANARY.token2,
  arn: 'arn:aws:sts::111122223333:assumed-role/deployer/ci-run-7', account: '111122223333', userId: 'AROAEXAMPLEROLE00001:ci-run-7',
};
const EXPIRED = { ...SESSION, accessKeyId: 'ASIAEXAMPLEEXPIRED01', sessionToken: CANARY.token, expired: true };
const ROOT = { accessKeyId: 'AKIAEXAMPLEROOT00001', secretAccessKey: CANARY.secret, arn: 'arn:aws:iam::999988887777:root', account: '999988887777', userId: '999988887777' };

const envKeys = (id: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) => ({
  AWS_ACCESS_KEY_ID: id.accessKeyId, AWS_SECRET_ACCESS_KEY: id.secretAccessKey, ...(id.sessionToken ? { AWS_SESSION_TOKEN: id.sessionToken } : {}),
});

function codes(r: CliResult): string[] {
  return parseJson(r).findings.map((f: { code: string }) => f.code);
}
function finding(r: CliResult, code: string): { message: string; fix: string } {
  const f = parseJson(r).findings.find((x: { code: string }) => x.code === code);
  assert.ok(f, `no ${code} in ${r.stdout}\n${r.stderr}`);
  return f;
}

describe('credcheck identity against the loopback STS', () => {
  let sts: StsServer;
  let home: string;
  const run = async (args: string[], env: Record<string, string | undefined>) => {
    const r = await runCli(['identity', ...args], { HOME: home, AWS_ENDPOINT_URL_STS: sts.url, ...env });
    assertNoSecrets(r.stdout + r.stderr);
    return r;
  };
  before(async () => {
    sts = await startSts({ identities: [ALICE, SESSION, EXPIRED, ROOT] });
    home = makeHome();
  });
  after(() => sts.close());

  it('success prints the account and ARN the server attributed to the signature', async () => {
    const r = await run([], envKeys(SESSION));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const attributed = sts.requests.at(-1)!;
    assert.equal(attributed.arn, SESSION.arn);
    assert.match(r.stdout, new RegExp(`ARN\\s+${SESSION.arn.replace(/[/]/g, '\\/')}`));
    assert.match(r.stdout, /assumed role deployer, session ci-run-7/);
    assert.match(r.stdout, /ASIA…ON01/);
    assert.match(r.stdout, /environment variables/);
    const j = await run(['--json'], envKeys(SESSION));
    const id = parseJson(j).identity;
    assert.equal(id.caller.account, sts.requests.at(-1)!.arn!.split(':')[4]);
    assert.equal(id.caller.arn, sts.requests.at(-1)!.arn);
    assert.equal(id.endpointSource, 'AWS_ENDPOINT_URL_STS');
    assert.equal(id.regionSource, 'AWS_REGION');
    assert.equal(id.clockSkewCorrected, false);
  });

  it('root credentials get a warning', async () => {
    const r = await run(['--json'], envKeys(ROOT));
    assert.match(finding(r, 'CC3017').message, /root user of account 999988887777/);
  });

  it('--expect-account and --expect-arn mismatches are errors', async () => {
    const r = await run(['--json', '--expect-account', '444455556666', '--expect-arn', 'arn:aws:iam::*:user/bob'], envKeys(ALICE));
    assert.equal(r.code, 1);
    assert.match(finding(r, 'CC3020').message, /belongs to 111122223333/);
    assert.match(finding(r, 'CC3021').message, /user\/alice/);
    const ok = await run(['--json', '--expect-account', '111122223333', '--expect-arn', 'arn:aws:iam::*:user/al*'], envKeys(ALICE));
    assert.equal(ok.code, 0);
    const bad = await run(['--expect-account', '12'], envKeys(ALICE));
    assert.equal(bad.code, 2);
    assert.doesNotMatch(bad.stderr, /\n\s+at /);
  });

  const failures: [string, Record<string, string>, string[], string, RegExp][] = [
    ['expired session', envKeys(EXPIRED), [], 'CC3001', /ExpiredToken.*has expired/],
    ['unknown key', envKeys({ ...ALICE, accessKeyId: 'AKIAUNKNOWNKEY000001' }), [], 'CC3002', /InvalidClientTokenId.*deleted or deactivated/],
    ['ASIA key without token', envKeys({ accessKeyId: SESSION.accessKeyId, secretAccessKey: SESSION.secretAccessKey }), [], 'CC3003', /no session token was sent/],
    ['wrong secret (pasted whitespace)', envKeys({ ...ALICE, secretAccessKey: `${CANARY.secret2} ` }), [], 'CC3005', /secret key does not match.*copy-paste/],
  ];
  for (const [name, env, args, code, re] of failures) {
    it(`${name} → ${code}`, async () => {
      const r = await run(['--json', ...args], env);
      assert.equal(r.code, 1);
      assert.deepEqual(codes(r).filter((c) => /^CC30(0|1[0-6])/.test(c)), [code]);
      assert.match(finding(r, code).message, re);
    });
  }

  const canned: [string, Parameters<StsServer['setFailWith']>[0], string[], Record<string, string>, string, RegExp][] = [
    ['Signature expired (persisting)', 'SignatureExpired', [], envKeys(ALICE), 'CC3006', /Signature expired: .* is now earlier than/],
    ['RequestExpired', 'RequestExpired', [], envKeys(ALICE), 'CC3006', /RequestExpired/],
    ['region disabled', 'RegionDisabledException', ['--region', 'eu-south-1'], envKeys(ALICE), 'CC3007', /STS is deactivated in eu-south-1/],
    ['global token in opt-in region', 'InvalidClientTokenId', ['--region', 'ap-east-1'], envKeys(SESSION), 'CC3004', /ap-east-1, an opt-in region/],
    ['throttling', 'Throttling', [], envKeys(ALICE), 'CC3008', /Rate exceeded/],
    ['500', 'InternalFailure', [], envKeys(ALICE), 'CC3009', /500 InternalFailure/],
  ];
  for (const [name, fail, args, env, code, re] of canned) {
    it(`${name} → ${code}`, async () => {
      sts.setFailWith(fail);
      try {
        const r = await run(['--json', ...args], env);
        assert.equal(r.code, code === 'CC3008' ? 0 : 1);
        assert.deepEqual(codes(r).filter((c) => /^CC30(0|1[0-6])/.test(c)), [code]);
        assert.match(finding(r, code).message, re);
        assert.ok(finding(r, code).fix.length > 20);
      } finally {
        sts.setFailWith(undefined);
      }
    });
  }

  it('a 10-minute STS clock: the SDK corrects it, credcheck says so', async () => {
    sts.setClockOffset(10 * 60_000);
    try {
      const r = await run([], envKeys(ALICE));
      assert.equal(r.code, 0, r.stdout);
      // Text wraps at the terminal width (80 when piped): compare the words, not the line breaks.
      assert.match(r.stdout.replace(/\s+/g, ' '), /this host is (9m5\ds|10m\d*s?) behind AWS — the SDK corrected it to succeed/);
      assert.match(r.stdout, /CC3018/);
      const j = parseJson(await run(['--json'], envKeys(ALICE)));
      assert.equal(j.identity.clockSkewCorrected, true);
      assert.ok(Math.abs(j.identity.clockOffsetMs + 600_000) < 3000, String(j.identity.clockOffsetMs));
    } finally {
      sts.setClockOffset(0);
    }
  });

  it('no region: falls back to us-east-1 and says why; AWS_DEFAULT_REGION is called out', async () => {
    const r = await run(['--json'], { ...envKeys(ALICE), AWS_REGION: undefined, AWS_DEFAULT_REGION: 'eu-west-3' });
    assert.equal(r.code, 0);
    const j = parseJson(r);
    assert.equal(j.identity.region, 'us-east-1');
    assert.equal(sts.requests.at(-1)!.region, 'us-east-1');
    assert.match(finding(r, 'CC3022').message, /AWS_DEFAULT_REGION=eu-west-3 is set, but the JavaScript SDK does not read it/);
  });

  it('--profile: static keys, region and endpoint_url from the profile', async () => {
    const h = makeHome({
      credentials: `[dev]\naws_access_key_id = ${ALICE.accessKeyId}\naws_secret_access_key = ${ALICE.secretAccessKey}\n`,
      config: `[profile dev]\nregion = eu-central-1\nendpoint_url = ${sts.url}\n`,
    });
    const r = await runCli(['identity', '--json', '--profile', 'dev'], { HOME: h, AWS_REGION: undefined, AWS_ENDPOINT_URL_STS: undefined });
    assertNoSecrets(r.stdout + r.stderr);
    const j = parseJson(r);
    assert.equal(j.identity.caller.arn, ALICE.arn, r.stdout);
    assert.equal(j.identity.regionSource, 'profile');
    assert.equal(j.identity.endpointSource, 'profile endpoint_url');
    assert.equal(j.identity.credentials.source, 'profile static keys');
    assert.equal(sts.requests.at(-1)!.region, 'eu-central-1');
  });

  it('a role profile: the SDK chain assumes the role at the same STS, credcheck reports the assumed role', async () => {
    const h = makeHome({
      credentials: `[base]\naws_access_key_id = ${ALICE.accessKeyId}\naws_secret_access_key = ${ALICE.secretAccessKey}\n`,
      config: `[profile deploy]\nrole_arn = arn:aws:iam::444455556666:role/deployer\nrole_session_name = cc-test\nsource_profile = base\nregion = eu-west-1\n`,
    });
    const r = await runCli(['identity', '--json', '--profile', 'deploy'], { HOME: h, AWS_REGION: undefined, AWS_ENDPOINT_URL_STS: sts.url });
    assertNoSecrets(r.stdout + r.stderr);
    const j = parseJson(r);
    assert.equal(j.identity.caller.arn, 'arn:aws:sts::444455556666:assumed-role/deployer/cc-test', r.stdout);
    assert.equal(j.identity.caller.principalType, 'assumed-role');
    assert.equal(j.identity.credentials.source, 'profile role_arn via source_profile');
    assert.equal(j.identity.credentials.keyType, 'temporary');
    assert.ok(j.identity.credentials.expiration);
    assert.deepEqual(sts.requests.slice(-2).map((q) => q.action), ['AssumeRole', 'GetCallerIdentity']);
  });

  it('web identity from the environment: AssumeRoleWithWebIdentity, then GetCallerIdentity', async () => {
    const h = makeHome();
    const tokenFile = `${h}/token`;
    (await import('node:fs')).writeFileSync(tokenFile, 'eyJhbGciOiJSUzI1NiJ9.e30.sig');
    const r = await runCli(['identity', '--json'], { HOME: h, AWS_ENDPOINT_URL_STS: sts.url, AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile, AWS_ROLE_ARN: 'arn:aws:iam::111122223333:role/ci', AWS_ROLE_SESSION_NAME: 'gha' });
    assertNoSecrets(r.stdout + r.stderr);
    const j = parseJson(r);
    assert.equal(j.identity.caller.arn, 'arn:aws:sts::111122223333:assumed-role/ci/gha', r.stdout);
    assert.match(j.identity.credentials.source, /web identity/);
  });

  it('no credentials anywhere → CC3015, STS never called', async () => {
    const before = sts.requests.length;
    const r = await run(['--json'], {});
    assert.equal(r.code, 1);
    assert.match(finding(r, 'CC3015').message, /No credentials to sign with/);
    assert.equal(sts.requests.length, before);
  });
});

describe('credcheck identity network diagnoses', () => {
  const home = makeHome();
  const run = async (env: Record<string, string | undefined>, args: string[] = []) => {
    const r = await runCli(['identity', '--json', ...args], { HOME: home, ...envKeys(ALICE), ...env });
    assertNoSecrets(r.stdout + r.stderr);
    return r;
  };

  it('connection refused → CC3011 naming the endpoint', async () => {
    const r = await run({ AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:9' });
    assert.match(finding(r, 'CC3011').message, /127\.0\.0\.1:9.*refused/);
  });

  it('unresolvable host → CC3010', async () => {
    const r = await run({ AWS_ENDPOINT_URL_STS: 'http://sts.credcheck.invalid:4566' });
    assert.match(finding(r, 'CC3010').message, /could not be resolved/);
  });

  it('a server that never answers → CC3012, and credcheck does not hang', async () => {
    const silent: Server = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const port = (silent.address() as { port: number }).port;
      const r = await run({ AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${port}` });
      assert.match(finding(r, 'CC3012').message, /No answer from/);
      assert.ok(r.ms < 15_000, `took ${r.ms} ms`);
    } finally {
      silent.close();
    }
  });

  describe('proxies', () => {
    let sts: StsServer;
    before(async () => {
      sts = await startSts({ identities: [ALICE] });
    });
    after(() => sts.close());

    it('proxy-only route: succeeds through the proxy and warns that the bare SDK will not', async () => {
      const proxy = await startProxy({ hosts: { 'sts.credcheck.invalid': '127.0.0.1' } });
      try {
        const endpoint = `http://sts.credcheck.invalid:${sts.port}`;
        const direct = await run({ AWS_ENDPOINT_URL_STS: endpoint });
        assert.equal(direct.code, 1, 'the route must not work without the proxy');
        const r = await run({ AWS_ENDPOINT_URL_STS: endpoint, http_proxy: proxy.url });
        assert.equal(r.code, 0, r.stdout);
        assert.equal(parseJson(r).identity.caller.arn, ALICE.arn);
        assert.deepEqual(proxy.connects, [`sts.credcheck.invalid:${sts.port}`]);
        assert.match(finding(r, 'CC3019').message, /bare AWS SDK for JavaScript v3 ignores HTTPS_PROXY/);
      } finally {
        await proxy.close();
      }
    });

    it('NO_PROXY bypasses the proxy', async () => {
      const r = await run({ AWS_ENDPOINT_URL_STS: sts.url, HTTP_PROXY: 'http://127.0.0.1:9', NO_PROXY: 'localhost,127.0.0.1' });
      assert.equal(r.code, 0, r.stdout);
      assert.deepEqual(parseJson(r).identity.proxyBypassedBy, { variable: 'NO_PROXY', entry: '127.0.0.1' });
    });

    it('dead proxy → CC3014 naming the proxy', async () => {
      const r = await run({ AWS_ENDPOINT_URL_STS: sts.url, HTTP_PROXY: 'http://127.0.0.1:9' });
      const f = finding(r, 'CC3014');
      assert.match(f.message, /proxy http:\/\/127\.0\.0\.1:9 \(from HTTP_PROXY\) could not be reached/);
      assert.match(f.fix, /HTTP_PROXY/);
    });

    it('refusing proxy and authenticating proxy → CC3014 with the status', async () => {
      const refuse = await startProxy({ mode: 'refuse' });
      const auth = await startProxy({ mode: 'auth', user: 'u', password: 'proxy-pass-CANARY' });
      try {
        const r1 = await run({ AWS_ENDPOINT_URL_STS: sts.url, HTTP_PROXY: refuse.url });
        assert.match(finding(r1, 'CC3014').message, /refused to tunnel .*CONNECT answered 403/);
        const r2 = await run({ AWS_ENDPOINT_URL_STS: sts.url, HTTP_PROXY: auth.url });
        assert.match(finding(r2, 'CC3014').message, /demands authentication \(407/);
        const withAuth = auth.url.replace('http://', 'http://u:proxy-pass-CANARY@');
        const r3 = await run({ AWS_ENDPOINT_URL_STS: sts.url, HTTP_PROXY: withAuth });
        assert.equal(r3.code, 0, r3.stdout);
        assert.doesNotMatch(r3.stdout, /proxy-pass-CANARY/);
      } finally {
        await refuse.close();
        await auth.close();
      }
    });
  });

  describe('TLS interception', () => {
    let sts: StsServer;
    const fx = makeTlsFixture();
    before(async () => {
      sts = await startSts({ identities: [ALICE], tls: { key: fx.key, cert: fx.cert } });
    });
    after(() => sts.close());

    it('self-signed chain → CC3013 with NODE_EXTRA_CA_CERTS / AWS_CA_BUNDLE; trusting the CA fixes it', async () => {
      const r = await run({ AWS_ENDPOINT_URL_STS: sts.url });
      const f = finding(r, 'CC3013');
      assert.match(f.message, /not signed by a CA Node trusts/);
      assert.match(f.fix, /NODE_EXTRA_CA_CERTS/);
      assert.match(f.fix, /AWS_CA_BUNDLE/);
      const fixed = await run({ AWS_ENDPOINT_URL_STS: sts.url, NODE_EXTRA_CA_CERTS: fx.caFile });
      assert.equal(fixed.code, 0, fixed.stdout);
      assert.equal(parseJson(fixed).identity.caller.arn, ALICE.arn);
    });
  });
});
