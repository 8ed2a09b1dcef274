import type { Incident } from '../incident.js';
import { ACCOUNT, CANARY, KEYS, staticProfile, userIdentity, type World } from '../world.js';

function deployAndDefault(w: World): void {
  w.write('.aws/credentials', staticProfile('default', KEYS.userA, CANARY.secret));
  w.write('.aws/config', `[profile deploy]\nrole_arn = arn:aws:iam::${ACCOUNT}:role/deploy\nsource_profile = default\nregion = us-east-1\n`);
}

const SEED3_SESSION = 'ASIAINCIDENTCI0000A1';

export const profileIncidents: Incident[] = [
  {
    id: 'profile-typo-doctor',
    from: 'issue 15: --profile deplyo never suggests deploy',
    title: 'doctor --profile deplyo (a typo of deploy)',
    async stage(w) {
      deployAndDefault(w);
      await w.sts({ identities: [userIdentity(KEYS.userA, CANARY.secret)] });
      return { args: ['doctor', '--profile', 'deplyo'] };
    },
    expect: { first: 'CC1034', cause: /deplyo/, fix: /[Dd]id you mean "?deploy"?/, forbid: [/--profiledefault/] },
  },
  {
    id: 'profile-typo-chain',
    from: 'issue 15: did-you-mean in every command that takes a profile',
    title: 'chain --profile deplyo',
    async stage(w) {
      deployAndDefault(w);
      return { args: ['chain', '--profile', 'deplyo'] };
    },
    expect: { first: 'CC1034', fix: /[Dd]id you mean "?deploy"?/ },
  },
  {
    id: 'aws-profile-ghost-env-keys',
    from: 'issue 15: CC2001 claims the CLI uses exported keys when AWS_PROFILE names a missing profile',
    title: 'exported keys and AWS_PROFILE=ghost (no such profile)',
    async stage(w) {
      w.write('.aws/credentials', staticProfile('default', KEYS.userB, CANARY.secret2));
      await w.sts({ identities: [userIdentity(KEYS.userA, CANARY.secret)] });
      return { args: ['doctor'], env: { AWS_PROFILE: 'ghost', AWS_ACCESS_KEY_ID: KEYS.userA, AWS_SECRET_ACCESS_KEY: CANARY.secret } };
    },
    expect: {
      first: 'CC1034',
      cause: /ghost/,
      fix: /unset AWS_PROFILE|AWS_PROFILE=/,
      forbid: [/--profiledefault/, /(AWS CLI|aws cli)[^.]*use[s]? the exported keys/i],
    },
  },
  {
    id: 'cc1034-fix-text',
    from: 'issue 15: CC1034 fix prints "(--profiledefault)"',
    title: 'AWS_PROFILE=staging, which does not exist',
    async stage(w) {
      w.write('.aws/credentials', staticProfile('default', KEYS.userA, CANARY.secret));
      await w.sts({ identities: [userIdentity(KEYS.userA, CANARY.secret)] });
      return { args: ['doctor'], env: { AWS_PROFILE: 'staging' } };
    },
    expect: { first: 'CC1034', cause: /staging/, forbid: [/--profile[a-z]/] },
  },
  {
    id: 'bare-section-selected',
    from: 'issue 15: symptom before cause (CC1034 before CC1002)',
    title: 'AWS_PROFILE=deploy but config has [deploy] without the "profile " prefix',
    async stage(w) {
      w.write('.aws/credentials', staticProfile('default', KEYS.userA, CANARY.secret));
      w.write('.aws/config', `[deploy]\nrole_arn = arn:aws:iam::${ACCOUNT}:role/deploy\nsource_profile = default\n`);
      await w.sts({ identities: [userIdentity(KEYS.userA, CANARY.secret)] });
      return { args: ['doctor'], env: { AWS_PROFILE: 'deploy' } };
    },
    expect: { first: 'CC1002', fix: /\[profile deploy\]/ },
  },
  {
    id: 'sudo-home',
    from: 'issue 15: symptom before cause (CC2006 before CC1031 under sudo)',
    title: 'run under sudo with root\'s HOME; the user\'s keys are in their own home',
    async stage(w) {
      const { mkdirSync } = await import('node:fs');
      const userHome = w.path('alice');
      mkdirSync(`${userHome}/.aws`, { recursive: true });
      w.write(`${userHome}/.aws/credentials`, staticProfile('default', KEYS.userA, CANARY.secret));
      // /etc/passwd cannot be edited here: SUDO_USER names a real account whose home is checked.
      return { args: ['doctor'], env: { SUDO_USER: 'root', SUDO_UID: '0', SUDO_COMMAND: '/usr/bin/credcheck doctor' } };
    },
    expect: { first: 'CC2006', forbid: [/--profiledefault/] },
  },
  {
    id: 'seed3-ci-exported-session',
    from: 'seed 004 / seed 3: CI exported session keys expiring, beside a role profile',
    title: 'exported session keys expire in 8 minutes; a refreshing deploy profile exists',
    async stage(w) {
      deployAndDefault(w);
      await w.sts({ identities: [{ ...userIdentity(SEED3_SESSION, CANARY.secret), sessionToken: CANARY.token, arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deploy/ci` }] });
      await w.ntp();
      return {
        args: ['doctor'],
        env: { AWS_ACCESS_KEY_ID: SEED3_SESSION, AWS_SECRET_ACCESS_KEY: CANARY.secret, AWS_SESSION_TOKEN: CANARY.token, AWS_CREDENTIAL_EXPIRATION: new Date(Date.now() + 8 * 60_000).toISOString() },
      };
    },
    expect: { first: 'CC2004', fix: /deploy/, forbid: [/makestep/] },
  },
  {
    id: 'preflight-env-keys-and-profile',
    from: 'issue 15: preflight passes with exported keys plus AWS_PROFILE=deploy',
    title: 'preflight: exported keys and AWS_PROFILE=deploy (the SDKs disagree on which wins)',
    async stage(w) {
      deployAndDefault(w);
      await w.sts({ identities: [userIdentity(KEYS.userA, CANARY.secret), userIdentity(KEYS.userB, CANARY.secret2, 'ci')] });
      return { args: ['preflight'], env: { AWS_PROFILE: 'deploy', AWS_ACCESS_KEY_ID: KEYS.userB, AWS_SECRET_ACCESS_KEY: CANARY.secret2 } };
    },
    expect: { first: 'CC2001', fix: /unset|AWS_PROFILE/ },
  },
  {
    id: 'preflight-profile-missing',
    from: 'issue 15: preflight with AWS_PROFILE=prod missing',
    title: 'preflight with AWS_PROFILE=prod, which does not exist',
    async stage(w) {
      w.write('.aws/credentials', staticProfile('default', KEYS.userA, CANARY.secret));
      await w.sts({ identities: [userIdentity(KEYS.userA, CANARY.secret)] });
      return { args: ['preflight'], env: { AWS_PROFILE: 'prod' } };
    },
    expect: { first: 'CC1034', cause: /prod/, forbid: [/export AWS_PROFILE/, /Could not load credentials/], exit: 'nonzero' },
  },
  {
    id: 'preflight-session-expiring',
    from: 'issue 15: preflight never names the refreshing profile',
    title: 'preflight --min-ttl 30m: exported session keys expire in 8 minutes; a deploy role profile exists',
    async stage(w) {
      deployAndDefault(w);
      await w.sts({ identities: [{ ...userIdentity(SEED3_SESSION, CANARY.secret), sessionToken: CANARY.token, arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deploy/ci` }] });
      return {
        args: ['preflight', '--min-ttl', '30m'],
        env: { AWS_ACCESS_KEY_ID: SEED3_SESSION, AWS_SECRET_ACCESS_KEY: CANARY.secret, AWS_SESSION_TOKEN: CANARY.token, AWS_CREDENTIAL_EXPIRATION: new Date(Date.now() + 8 * 60_000).toISOString() },
      };
    },
    expect: { first: 'CC8003', fix: /profile deploy|--profile deploy|AWS_PROFILE=deploy/, exit: 'nonzero' },
  },
  {
    id: 'one-assume-role',
    from: 'issue 15: doctor --profile deploy calls AssumeRole three times',
    title: 'healthy role profile: one AssumeRole per run',
    async stage(w) {
      deployAndDefault(w);
      const sts = await w.sts({ identities: [userIdentity(KEYS.userA, CANARY.secret)] });
      await w.ntp();
      return {
        args: ['doctor', '--profile', 'deploy'],
        after: () => {
          const n = sts.requests.filter((r) => r.action === 'AssumeRole').length;
          return n === 1 ? [] : [`STS saw ${n} AssumeRole calls, expected 1`];
        },
      };
    },
    expect: { first: 'none', forbid: [/long-term · long-term key/, /ini \(static\)[^\n]*refreshes itself/] },
  },
];
