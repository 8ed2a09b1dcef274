import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseJson, runCli, SAFE_ENV } from '../helpers/cli.js';
import { assertNoSecrets, CANARY, makeHome } from '../helpers/home.js';
import { maskKeyId } from '../../src/kernel/mask.js';
import { startSts, type StsServer } from '../servers/sts.js';
import { startImds, type ImdsMode, type ImdsServer } from '../servers/imds.js';
import { startContainer, type ContainerServer } from '../servers/container.js';

const CHILD = fileURLToPath(new URL('./sdk-chain-child.js', import.meta.url));
const ACCOUNT = '123456789012';
const BASE = { id: 'AKIABASESOURCE000001', secret: CANARY.secret };
const FUTURE = () => new Date(Date.now() + 3600_000).toISOString();

interface Ctx { home: string; sts?: StsServer; imds?: ImdsServer; container?: ContainerServer }
interface Scenario {
  name: string;
  credentials?: string;
  config?: string;
  profile?: string;
  sts?: boolean;
  imds?: ImdsMode;
  container?: boolean;
  setup?: (ctx: Ctx) => void;
  env?: (ctx: Ctx) => Record<string, string | undefined>;
  /** Expected active source (null: no credentials) and ini kind. */
  source: string | null;
  kind?: string;
  /** Keys minted by STS differ per call: compare the role instead of the key id. */
  viaSts?: string;
  codes?: string[];
  links?: Record<string, string>;
  check?: (json: any) => void;
}

function script(home: string, name: string, body: string): string {
  const path = join(home, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o700);
  return path;
}

function processJson(id: string, expiration = FUTURE()): string {
  return JSON.stringify({ Version: 1, AccessKeyId: id, SecretAccessKey: CANARY.secret2, SessionToken: CANARY.token2, Expiration: expiration });
}

function jwt(expSeconds: number): string {
  const b = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b({ alg: 'RS256' })}.${b({ sub: 'system:serviceaccount:ci:runner', exp: expSeconds })}.${CANARY.token}`;
}

const staticProfile = (name: string, id: string, header = name) =>
  `[${header}]\naws_access_key_id = ${id}\naws_secret_access_key = ${name === 'base' ? BASE.secret : CANARY.secret2}\n`;

function runChild(args: string[], env: Record<string, string>): Promise<any> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error('SDK child hung')); }, 15_000);
    child.on('close', () => { clearTimeout(timer); resolve(JSON.parse(out)); });
  });
}

const SCENARIOS: Scenario[] = [
  { name: 'env long-term keys', env: () => ({ AWS_ACCESS_KEY_ID: 'AKIAENVLONGTERM00001', AWS_SECRET_ACCESS_KEY: CANARY.secret }), source: 'env' },
  {
    name: 'env temporary keys with AWS_CREDENTIAL_EXPIRATION, role profile available',
    config: '[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deploy\nsource_profile = base\n',
    credentials: staticProfile('base', BASE.id),
    env: () => ({ AWS_ACCESS_KEY_ID: 'ASIAENVTEMPORARY0002', AWS_SECRET_ACCESS_KEY: CANARY.secret, AWS_SESSION_TOKEN: CANARY.token, AWS_CREDENTIAL_EXPIRATION: FUTURE() }),
    source: 'env', codes: ['CC2002'],
    check: (j) => assert.equal(j.active.expirationSource, 'AWS_CREDENTIAL_EXPIRATION'),
  },
  {
    name: 'env keys already expired', env: () => ({ AWS_ACCESS_KEY_ID: 'ASIAENVEXPIRED000003', AWS_SECRET_ACCESS_KEY: CANARY.secret, AWS_SESSION_TOKEN: CANARY.token, AWS_CREDENTIAL_EXPIRATION: new Date(Date.now() - 600_000).toISOString() }),
    source: 'env', codes: ['CC2004'],
  },
  {
    name: 'env keys with AWS_SESSION_EXPIRATION (aws-vault) expiring in 5 min', env: () => ({ AWS_ACCESS_KEY_ID: 'ASIAENVSESSIONEXP004', AWS_SECRET_ACCESS_KEY: CANARY.secret, AWS_SESSION_TOKEN: CANARY.token, AWS_SESSION_EXPIRATION: new Date(Date.now() + 300_000).toISOString() }),
    source: 'env', codes: ['CC2004'], check: (j) => assert.equal(j.active.expirationSource, 'AWS_SESSION_EXPIRATION'),
  },
  { name: 'env keys shadow the default profile', credentials: staticProfile('default', 'AKIADEFAULTPROFILE05'), env: () => ({ AWS_ACCESS_KEY_ID: 'AKIAENVWINS000000005', AWS_SECRET_ACCESS_KEY: CANARY.secret }), source: 'env', links: { ini: 'shadowed' } },
  {
    name: 'AWS_PROFILE skips env keys (CLI would differ)', credentials: staticProfile('dev', 'AKIADEVPROFILE000006'),
    env: () => ({ AWS_PROFILE: 'dev', AWS_ACCESS_KEY_ID: 'AKIAENVIGNORED000006', AWS_SECRET_ACCESS_KEY: CANARY.secret }),
    source: 'ini', kind: 'static', codes: ['CC2001'], links: { env: 'skipped' },
  },
  { name: 'AWS_PROFILE names a missing profile, env keys ignored', env: () => ({ AWS_PROFILE: 'nope', AWS_ACCESS_KEY_ID: 'AKIAENVIGNORED000007', AWS_SECRET_ACCESS_KEY: CANARY.secret }), source: null,
    // The missing profile is the cause, for every SDK: botocore and the AWS CLI stop too
    // ("The config profile (nope) could not be found"), so CC2001's "the CLI uses the keys" would be false.
    codes: ['CC1034'] },
  { name: '--profile skips env keys', profile: 'dev', credentials: staticProfile('dev', 'AKIADEVPROFILE000008'), env: () => ({ AWS_ACCESS_KEY_ID: 'AKIAENVIGNORED000008', AWS_SECRET_ACCESS_KEY: CANARY.secret }), source: 'ini', kind: 'static' },
  { name: 'half env pair falls through to the default profile', credentials: staticProfile('default', 'AKIADEFAULTPROFILE09'), env: () => ({ AWS_ACCESS_KEY_ID: 'AKIAHALFPAIR00000009' }), source: 'ini', links: { env: 'failed' } },
  { name: 'static default profile', credentials: staticProfile('default', 'AKIADEFAULTPROFILE10'), source: 'ini', kind: 'static' },
  { name: 'config-file [profile dev] with static keys', config: staticProfile('dev', 'AKIACONFIGONLY000011', 'profile dev'), env: () => ({ AWS_PROFILE: 'dev' }), source: 'ini', kind: 'static' },
  { name: '[profile dev] in the credentials file is unreachable', credentials: staticProfile('dev', 'AKIAUNREACHABLE00012', 'profile dev'), env: () => ({ AWS_PROFILE: 'dev' }), source: null },
  { name: '[__proto__] makes the SDK read the credentials file as empty', credentials: `${staticProfile('default', 'AKIAPROTOHIDDEN00013')}[__proto__]\nx = 1\n`, source: null },
  {
    name: 'credential_process profile succeeds', setup: (c) => script(c.home, 'ok.sh', `echo '${processJson('ASIAPROCESSOK0000014')}'`),
    config: '[profile proc]\ncredential_process = HOME/ok.sh\n', env: () => ({ AWS_PROFILE: 'proc' }), source: 'ini', kind: 'process',
    check: (j) => { assert.equal(j.active.expirationSource, 'credential_process output'); assert.equal(j.active.refreshable, true); },
  },
  {
    name: 'credential_process fails: exit code and stderr, never stdout', setup: (c) => script(c.home, 'bad.sh', `echo '${processJson('ASIAPROCESSBAD000015')}'\necho 'SSO session expired, run sso login' >&2\nexit 3`),
    config: '[profile proc]\ncredential_process = HOME/bad.sh\n', env: () => ({ AWS_PROFILE: 'proc' }), source: null, codes: ['CC2005'],
    check: (j) => assert.match(j.links.find((l: any) => l.source === 'ini').reason, /exited with code 3; stderr: SSO session expired, run sso login/),
  },
  {
    name: 'failing credential_process is skipped silently, env keys win', setup: (c) => script(c.home, 'bad.sh', 'echo nope >&2\nexit 1'),
    config: '[default]\ncredential_process = HOME/bad.sh\n', env: () => ({ AWS_ACCESS_KEY_ID: 'AKIAENVOVERPROC00016', AWS_SECRET_ACCESS_KEY: CANARY.secret }), source: 'env',
  },
  {
    name: 'static keys and credential_process in one profile: static wins', setup: (c) => script(c.home, 'ok.sh', `echo '${processJson('ASIAPROCNEVERRUN0017')}'`),
    credentials: `${staticProfile('default', 'AKIASTATICBEATSPR17')}credential_process = HOME/ok.sh\n`, source: 'ini', kind: 'static', links: { process: 'skipped' },
  },
  {
    name: 'credential_process that returns expired credentials', setup: (c) => script(c.home, 'old.sh', `echo '${processJson('ASIAPROCESSOLD000018', '2020-01-01T00:00:00Z')}'`),
    config: '[profile proc]\ncredential_process = HOME/old.sh\n', env: () => ({ AWS_PROFILE: 'proc' }), source: null,
    check: (j) => assert.match(j.links.find((l: any) => l.source === 'ini').reason, /returned expired credentials/),
  },
  {
    name: 'assume-role via source_profile (STS AssumeRole)', sts: true, credentials: staticProfile('base', BASE.id),
    config: '[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deploy\nsource_profile = base\n', env: () => ({ AWS_PROFILE: 'deploy' }),
    source: 'ini', kind: 'assume-role', viaSts: 'arn:aws:iam::123456789012:role/deploy',
    check: (j) => { assert.deepEqual(j.active.hops.map((h: any) => h.profile), ['deploy', 'base']); assert.equal(j.active.refreshable, true); },
  },
  {
    name: 'two-hop role chain', sts: true, credentials: staticProfile('base', BASE.id),
    config: '[profile mid]\nrole_arn = arn:aws:iam::123456789012:role/mid\nsource_profile = base\n[profile top]\nrole_arn = arn:aws:iam::123456789012:role/top\nsource_profile = mid\n',
    env: () => ({ AWS_PROFILE: 'top' }), source: 'ini', kind: 'assume-role', viaSts: 'arn:aws:iam::123456789012:role/top',
    check: (j) => assert.deepEqual(j.active.hops.map((h: any) => h.profile), ['top', 'mid', 'base']),
  },
  {
    name: 'source_profile names a missing profile', config: '[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deploy\nsource_profile = typo\n',
    env: () => ({ AWS_PROFILE: 'deploy' }), source: null, codes: ['CC2005'],
  },
  {
    name: 'mfa_serial: the SDK stops the chain instead of prompting', credentials: staticProfile('base', BASE.id),
    config: '[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/admin\nsource_profile = base\nmfa_serial = arn:aws:iam::123456789012:mfa/me\n',
    env: () => ({ AWS_PROFILE: 'admin' }), source: null, codes: ['CC2005'],
    check: (j) => assert.equal(j.links.find((l: any) => l.source === 'ini').hardStop, true),
  },
  {
    name: 'mfa_serial with a broken source_profile: the SDK leaves an unhandled rejection, credcheck survives',
    config: '[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/admin\nsource_profile = typo\nmfa_serial = arn:aws:iam::123456789012:mfa/me\n',
    env: () => ({ AWS_PROFILE: 'admin' }), source: null, codes: ['CC2005'],
    check: (j) => assert.ok(j.sdkWarnings.some((w: string) => /unhandled rejection/.test(w))),
  },
  {
    name: 'credential_source = Environment', sts: true, config: '[profile ci]\nrole_arn = arn:aws:iam::123456789012:role/ci\ncredential_source = Environment\n',
    env: () => ({ AWS_PROFILE: 'ci', AWS_ACCESS_KEY_ID: BASE.id, AWS_SECRET_ACCESS_KEY: BASE.secret }), source: 'ini', kind: 'assume-role', viaSts: 'arn:aws:iam::123456789012:role/ci',
  },
  {
    name: 'web identity from env (AWS_WEB_IDENTITY_TOKEN_FILE)', sts: true,
    setup: (c) => writeFileSync(join(c.home, 'token'), jwt(Math.floor(Date.now() / 1000) + 3600)),
    env: (c) => ({ AWS_WEB_IDENTITY_TOKEN_FILE: join(c.home, 'token'), AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/irsa' }),
    source: 'token-file', viaSts: 'arn:aws:iam::123456789012:role/irsa', check: (j) => assert.match(j.active.expirationSource, /token exp/),
  },
  {
    name: 'web identity profile', sts: true, setup: (c) => writeFileSync(join(c.home, 'token'), jwt(Math.floor(Date.now() / 1000) + 3600)),
    config: '[profile wi]\nrole_arn = arn:aws:iam::123456789012:role/wi\nweb_identity_token_file = HOME/token\n',
    env: () => ({ AWS_PROFILE: 'wi' }), source: 'ini', kind: 'web-identity', viaSts: 'arn:aws:iam::123456789012:role/wi',
  },
  {
    name: 'web identity token file missing: hard stop', env: (c) => ({ AWS_WEB_IDENTITY_TOKEN_FILE: join(c.home, 'gone'), AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/irsa' }),
    source: null, codes: ['CC2005'], check: (j) => assert.match(j.links.find((l: any) => l.source === 'token-file').reason, /ENOENT/),
  },
  { name: 'container FULL_URI', container: true, env: (c) => ({ AWS_CONTAINER_CREDENTIALS_FULL_URI: c.container!.fullUri }), source: 'container', links: { imds: 'skipped' } },
  {
    name: 'default profile shadows the container role', container: true, credentials: staticProfile('default', 'AKIASHADOWSCONTAIN28'),
    env: (c) => ({ AWS_CONTAINER_CREDENTIALS_FULL_URI: c.container!.fullUri }), source: 'ini', codes: ['CC2003'], links: { container: 'shadowed' },
  },
  {
    name: 'container FULL_URI on a host the SDK rejects (fromContainerMetadata never tried)', imds: 'v2',
    env: () => ({ AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://10.255.255.1/creds' }), source: null, links: { container: 'failed', imds: 'skipped' },
    check: (j) => assert.match(j.links.find((l: any) => l.source === 'container').reason, /URL not accepted/),
  },
  { name: 'IMDS v2 instance role', imds: 'v2', source: 'imds', check: (j) => assert.equal(j.active.expirationSource, 'IMDS response') },
  { name: 'env keys shadow the instance role', imds: 'v2', env: () => ({ AWS_ACCESS_KEY_ID: 'AKIAENVOVERIMDS00030', AWS_SECRET_ACCESS_KEY: CANARY.secret }), source: 'env', codes: ['CC2003'], links: { imds: 'shadowed' } },
  { name: 'AWS_EC2_METADATA_DISABLED turns IMDS off', imds: 'v2', env: () => ({ AWS_EC2_METADATA_DISABLED: 'true' }), source: null, links: { imds: 'skipped' } },
  { name: 'IMDS without an instance profile', imds: 'no-role', source: null, codes: ['CC2006'] },
  {
    name: 'SSM-shared [default] with identity_config.json, shadowing IMDS', imds: 'v2', credentials: staticProfile('default', 'ASIASSMSHARED0000033').replace(/\n$/, `\naws_session_token = ${CANARY.token}\n`),
    setup: (c) => writeFileSync(join(c.home, 'identity_config.json'), JSON.stringify({
      InstanceId: 'mi-0123456789abcdef0', IdentityType: 'OnPrem', ShareFile: join(c.home, '.aws', 'credentials'), ShareProfile: '',
      CredentialsExpiresAt: new Date(Date.now() + 40 * 60_000).toISOString(), CredentialsRetrievedAt: new Date(Date.now() - 20 * 60_000).toISOString(),
    })),
    env: (c) => ({ CREDCHECK_SSM_RUNTIME_CONFIG: join(c.home, 'identity_config.json') }), source: 'ini', kind: 'static', codes: ['CC2003'],
    check: (j) => { assert.match(j.active.expirationSource, /CredentialsExpiresAt/); assert.ok(j.active.ssm.nextRotation); },
  },
];

const closers: Array<() => Promise<void>> = [];
after(async () => { for (const c of closers) await c(); });

test(`chain matrix: credcheck agrees with fromNodeProviderChain() in ${SCENARIOS.length} scenarios`, async (t) => {
  assert.ok(SCENARIOS.length >= 25);
  for (const s of SCENARIOS) {
    await t.test(s.name, async () => {
      const sub = (text?: string) => text?.replace(/HOME\//g, `${ctx.home}/`);
      const ctx: Ctx = { home: '' };
      ctx.home = makeHome({});
      writeFileSync(join(ctx.home, '.aws', 'credentials'), '');
      if (s.sts) {
        ctx.sts = await startSts({ identities: [{ accessKeyId: BASE.id, secretAccessKey: BASE.secret, arn: `arn:aws:iam::${ACCOUNT}:user/base`, account: ACCOUNT, userId: 'AIDABASEUSER00000001' }] });
        closers.push(() => ctx.sts!.close());
      }
      if (s.imds) {
        ctx.imds = await startImds({ mode: s.imds, credentials: { secretAccessKey: CANARY.secret2, token: CANARY.token2 } });
        closers.push(() => ctx.imds!.close());
      }
      if (s.container) {
        ctx.container = await startContainer({ credentials: { accessKeyId: 'ASIACONTAINERKEY0027', secretAccessKey: CANARY.secret2, token: CANARY.token2 } });
        closers.push(() => ctx.container!.close());
      }
      s.setup?.(ctx);
      const files = { credentials: sub(s.credentials), config: sub(s.config) };
      for (const [name, text] of Object.entries(files)) if (text !== undefined) writeFileSync(join(ctx.home, '.aws', name), text);
      const env: Record<string, string> = { HOME: ctx.home, ...(ctx.sts ? { AWS_ENDPOINT_URL_STS: ctx.sts.url } : {}), ...(ctx.imds ? { AWS_EC2_METADATA_SERVICE_ENDPOINT: ctx.imds.url } : {}) };
      for (const [k, v] of Object.entries(s.env?.(ctx) ?? {})) if (v !== undefined) env[k] = v;
      const childEnv: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', ...SAFE_ENV, ...env };
      const [cli, sdk] = await Promise.all([
        runCli(['chain', '--json', ...(s.profile ? ['--profile', s.profile] : [])], env),
        runChild(s.profile ? [s.profile] : [], childEnv),
      ]);
      assertNoSecrets(cli.stdout + cli.stderr);
      assert.notEqual(cli.code, 2, cli.stderr);
      const j = parseJson(cli);
      const where = `credcheck: ${JSON.stringify(j.active)} links ${JSON.stringify(j.links.map((l: any) => [l.source, l.status, l.reason]))}\nSDK: ${JSON.stringify(sdk)}`;
      if (sdk.ok) {
        assert.ok(j.active, `SDK found credentials, credcheck did not\n${where}`);
        assert.equal(sdk.source === 'imds-or-container' ? (['imds', 'container'].includes(j.active.source) ? sdk.source : j.active.source) : j.active.source, sdk.source, where);
        assert.equal(j.crossCheck.status, 'agree', where);
        if (s.viaSts) {
          // STS mints a new key per call: both answers must be STS keys for the same role.
          assert.match(sdk.accessKeyId, /^ASIA/);
          assert.match(j.active.accessKeyId, /^ASIA/);
          const calls = ctx.sts!.requests.filter((r) => r.params.RoleArn === s.viaSts && r.status === 200);
          assert.ok(calls.length >= 2, `expected STS calls for ${s.viaSts} from both, saw ${JSON.stringify(ctx.sts!.requests)}`);
        } else {
          assert.equal(j.active.accessKeyId, maskKeyId(sdk.accessKeyId), where);
          assert.equal(j.crossCheck.status, 'agree', where);
        }
      } else {
        assert.equal(j.active, null, `SDK failed (${sdk.error}) but credcheck found credentials\n${where}`);
      }
      assert.equal(j.active?.source ?? null, s.source, where);
      if (s.kind) assert.equal(j.active.kind, s.kind);
      const codes = j.findings.map((f: any) => f.code);
      for (const code of s.codes ?? []) assert.ok(codes.includes(code), `expected ${code}, got ${codes.join(',')}\n${where}`);
      for (const [src, status] of Object.entries(s.links ?? {})) assert.equal(j.links.find((l: any) => l.source === src).status, status, where);
      assert.ok(!codes.includes('CC2099'), where);
      s.check?.(j);
    });
  }
});
