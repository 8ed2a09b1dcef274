import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Incident } from '../incident.js';
import { ACCOUNT, CANARY, KEYS, staticProfile, userIdentity, type World } from '../world.js';

/** Words that blame a configuration that is fine when only the network failed. */
const BLAMES_CONFIG = [/Fix the ini configuration/i, /or remove it/i, /No credentials (for the job|were found|found)/i, /no credentials to ask STS/i, /export AWS_PROFILE/i];
const NO_SSO_ADVICE = /aws sso login/;

function roleProfile(w: World, name = 'deploy'): void {
  w.write('.aws/credentials', staticProfile('default', KEYS.userA, CANARY.secret));
  w.write('.aws/config', `[profile ${name}]\nrole_arn = arn:aws:iam::${ACCOUNT}:role/deploy\nsource_profile = default\nregion = us-east-1\n`);
}

function ssoCache(w: World, key: string, expiresAt: Date): void {
  mkdirSync(w.path('.aws', 'sso', 'cache'), { recursive: true });
  const file = w.path('.aws', 'sso', 'cache', `${createHash('sha1').update(key).digest('hex')}.json`);
  w.write(file, JSON.stringify({ accessToken: CANARY.token2, expiresAt: expiresAt.toISOString(), region: 'us-east-1', startUrl: 'https://corp.awsapps.com/start' }));
}

export const networkIncidents: Incident[] = [
  {
    id: 'role-sts-refused',
    from: 'issue 15: role profile whose STS is refused',
    title: 'doctor --profile deploy; STS refuses connections',
    async stage(w) {
      roleProfile(w);
      w.env.AWS_ENDPOINT_URL_STS = 'http://127.0.0.1:9';
      return { args: ['doctor', '--profile', 'deploy'] };
    },
    expect: { first: 'CC3011', cause: /refused/i, fix: /firewall|proxy|endpoint|reach|network/i, forbid: [...BLAMES_CONFIG, NO_SSO_ADVICE], require: [/not verified/i] },
  },
  {
    id: 'role-sts-blackholed',
    from: 'issue 15: role profile whose STS is black-holed',
    title: 'AWS_PROFILE=deploy; STS accepts connections and never answers',
    async stage(w) {
      roleProfile(w);
      const hole = await w.blackhole();
      w.env.AWS_ENDPOINT_URL_STS = hole.tcpUrl;
      return { args: ['doctor'], env: { AWS_PROFILE: 'deploy' } };
    },
    expect: { first: 'CC3012', cause: /no answer|timed? ?out|did not answer/i, fix: /firewall|proxy|endpoint|network/i, forbid: [...BLAMES_CONFIG, NO_SSO_ADVICE] },
  },
  {
    id: 'role-sts-dns',
    from: 'field: STS endpoint name does not resolve (private DNS for a VPC endpoint missing)',
    title: 'doctor --profile deploy; the STS endpoint name does not resolve',
    async stage(w) {
      roleProfile(w);
      w.env.AWS_ENDPOINT_URL_STS = 'http://sts.vpce.corp.invalid';
      return { args: ['doctor', '--profile', 'deploy'] };
    },
    expect: { first: "CC3010", fix: /host name|DNS|resolv/i, forbid: BLAMES_CONFIG },
  },
  {
    id: 'preflight-role-sts-refused',
    from: 'issue 15: preflight says "No credentials for the job" when STS is refused',
    title: 'preflight with AWS_PROFILE=deploy; STS refuses connections',
    async stage(w) {
      roleProfile(w);
      w.env.AWS_ENDPOINT_URL_STS = 'http://127.0.0.1:9';
      return { args: ['preflight'], env: { AWS_PROFILE: 'deploy' } };
    },
    expect: { first: 'CC8002', cause: /refused|reach/i, forbid: BLAMES_CONFIG, exit: 'nonzero' },
  },
  {
    id: 'web-identity-sts-refused',
    from: 'field: EKS/GitHub OIDC web identity while STS is firewalled',
    title: 'AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN; STS refuses connections',
    async stage(w) {
      const token = w.write('token.jwt', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6YXBwIiwiZXhwIjo0MTAyNDQ0ODAwfQ.c2ln');
      w.env.AWS_WEB_IDENTITY_TOKEN_FILE = token;
      w.env.AWS_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/app`;
      w.env.AWS_ENDPOINT_URL_STS = 'http://127.0.0.1:9';
      return { args: ['doctor'] };
    },
    expect: { first: 'CC3011', fix: /firewall|proxy|endpoint|reach|network/i, forbid: [...BLAMES_CONFIG, NO_SSO_ADVICE] },
  },
  {
    id: 'container-endpoint-refused',
    from: 'field: ECS/EKS Pod Identity agent not running',
    title: 'AWS_CONTAINER_CREDENTIALS_FULL_URI points at a closed port',
    async stage(w) {
      const sts = await w.sts({ identities: [] });
      void sts;
      w.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = 'http://127.0.0.1:9/v1/credentials';
      return { args: ['doctor'] };
    },
    expect: { first: 'CC5015', cause: /refused|not answer|reach/i, forbid: [...BLAMES_CONFIG, NO_SSO_ADVICE] },
  },
  {
    id: 'sso-token-missing',
    from: 'issue 15: SSO profile, token missing',
    title: 'doctor --profile sso; never logged in (no token in the cache)',
    async stage(w) {
      w.write('.aws/config', '[profile sso]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Admin\nregion = us-east-1\n');
      await w.sts({ identities: [] });
      return { args: ['doctor', '--profile', 'sso'] };
    },
    expect: { first: 'CC2007', fix: /aws sso login --profile sso\b/, forbid: [/Fix the ini configuration/i, /--sso-session/] },
  },
  {
    id: 'sso-session-expired',
    from: 'issue 15: SSO profile, token expired (sso-session)',
    title: 'AWS_PROFILE=dev; its sso-session corp token expired an hour ago',
    async stage(w) {
      w.write('.aws/config', '[profile dev]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\nregion = us-east-1\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n');
      ssoCache(w, 'corp', new Date(Date.now() - 3600_000));
      await w.sts({ identities: [] });
      return { args: ['doctor'], env: { AWS_PROFILE: 'dev' } };
    },
    expect: { first: 'CC2007', cause: /expired/i, fix: /aws sso login --sso-session corp/, forbid: [/Fix the ini configuration/i] },
  },
  {
    id: 'exported-keys-unknown',
    from: 'field: a deleted access key still exported in a shell',
    title: 'exported AKIA key that STS does not know',
    async stage(w) {
      await w.sts({ identities: [userIdentity(KEYS.userB, CANARY.secret2)] });
      w.env.AWS_ACCESS_KEY_ID = KEYS.userA;
      w.env.AWS_SECRET_ACCESS_KEY = CANARY.secret;
      return { args: ['doctor'] };
    },
    expect: { first: 'CC3002', fix: /key|aws configure|unset/i, forbid: [/makestep/] },
  },
  {
    id: 'wrong-secret-whitespace',
    from: 'field: secret pasted with a trailing character',
    title: 'the secret in the file does not match the key id',
    async stage(w) {
      w.write('.aws/credentials', staticProfile('default', KEYS.userA, CANARY.secret2));
      await w.sts({ identities: [userIdentity(KEYS.userA, CANARY.secret)] });
      return { args: ['doctor'] };
    },
    expect: { first: 'CC3005', fix: /secret/i, forbid: [/makestep/] },
  },
];
