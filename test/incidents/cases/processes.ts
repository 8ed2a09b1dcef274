import { chmodSync, writeFileSync } from 'node:fs';
import type { Incident } from '../incident.js';
import { ACCOUNT, CANARY, KEYS, readyLine, sleep, staticProfile, userIdentity, type World } from '../world.js';

/** /proc start times are precise to about a second: a rewrite must come clearly later. */
const AFTER_START_MS = 2600;
const PY_READS_ONCE = [
  'import boto3, sys, time',
  'c = boto3.session.Session().get_credentials().get_frozen_credentials()',
  'print("ready" if c.access_key else "none", flush=True)',
  'time.sleep(600)',
].join('\n');
const NODE_IDLE = 'process.stdout.write("ready\\n"); setInterval(() => {}, 1000)';
const JS_ADVICE = /fromIni|ignoreCache|fromNodeProviderChain/;

function ssmConfig(w: World, file: string): string {
  return w.write('identity_config.json', JSON.stringify({ InstanceId: 'mi-0c9c2ec582198650e', IdentityType: 'OnPrem', ShareFile: file, ShareProfile: 'default', CredentialsRetrievedAt: new Date().toISOString(), CredentialsExpiresAt: new Date(Date.now() + 3600_000).toISOString() }));
}

const rotatedRole = (n: string) => ({ ...userIdentity(KEYS.userB, CANARY.secret2), arn: `arn:aws:sts::${ACCOUNT}:assumed-role/AWSOnpremServerRole/${n}` });

export const processIncidents: Incident[] = [
  {
    id: 'seed1-codedeploy-ssm-rotation',
    from: 'seed 002: CodeDeploy agent keeps SSM-rotated keys',
    title: 'the SSM agent rewrote /root/.aws/credentials after the CodeDeploy agent started',
    async stage(w) {
      const file = w.write('.aws/credentials', staticProfile('default', KEYS.userA, CANARY.secret));
      await w.sts({ identities: [userIdentity(KEYS.userA, CANARY.secret, 'old'), rotatedRole('mi-0c9c2ec582198650e')] });
      await w.ntp();
      const agent = w.spawn(process.execPath, ['-e', NODE_IDLE, '/opt/codedeploy-agent/bin/codedeploy-agent'], { HOME: w.home });
      await readyLine(agent);
      await sleep(AFTER_START_MS);
      writeFileSync(file, staticProfile('default', KEYS.userB, CANARY.secret2));
      return { args: ['doctor', '--pid', String(agent.pid)], env: { CREDCHECK_SSM_RUNTIME_CONFIG: ssmConfig(w, file) } };
    },
    expect: { first: 'CC6102', fix: /Restart/, forbid: [JS_ADVICE, /makestep/] },
  },
  {
    id: 'python-boto3-stale',
    from: 'issue 15: a Python boto3 process that kept old keys',
    title: 'a boto3 process read the file, then the file was rotated',
    async stage(w) {
      const file = w.write('.aws/credentials', staticProfile('default', KEYS.userA, CANARY.secret));
      await w.sts({ identities: [rotatedRole('mi-1')] });
      await w.ntp();
      const py = w.spawn('python3', ['-c', PY_READS_ONCE], { HOME: w.home });
      await readyLine(py);
      await sleep(AFTER_START_MS);
      writeFileSync(file, staticProfile('default', KEYS.userB, CANARY.secret2));
      return { args: ['doctor', '--pid', String(py.pid)] };
    },
    expect: { first: 'CC6102', fix: /Restart.*boto3\.Session/, forbid: [JS_ADVICE, /CC6002/, /Process started before its credentials file/] },
  },
  {
    id: 'chmod-not-rotation',
    from: 'issue 15: chmod on an unchanged file of long-term keys',
    title: 'someone ran chmod 600 on the credentials file after the process started',
    async stage(w) {
      const file = w.write('.aws/credentials', staticProfile('default', KEYS.userA, CANARY.secret), 0o640);
      await w.sts({ identities: [userIdentity(KEYS.userA, CANARY.secret)] });
      await w.ntp();
      const app = w.spawn(process.execPath, ['-e', NODE_IDLE, 'app.js'], { HOME: w.home });
      await readyLine(app);
      await sleep(AFTER_START_MS);
      chmodSync(file, 0o600);
      return { args: ['doctor', '--pid', String(app.pid)] };
    },
    expect: { first: 'none', forbid: [/still holds the keys/i, /rewritten/i, /Restart/] },
  },
  {
    id: 'pid-home-differs',
    from: 'issue 15: doctor --pid from a shell whose HOME differs',
    title: 'the service runs with another HOME whose file was rotated after it started; this shell has no credentials',
    async stage(w) {
      const svcHome = w.path('svc');
      const { mkdirSync } = await import('node:fs');
      mkdirSync(`${svcHome}/.aws`, { recursive: true });
      const file = w.write(`${svcHome}/.aws/credentials`, staticProfile('default', KEYS.userA, CANARY.secret));
      await w.sts({ identities: [rotatedRole('mi-2')] });
      await w.ntp();
      const svc = w.spawn(process.execPath, ['-e', NODE_IDLE, 'worker.js'], { HOME: svcHome });
      await readyLine(svc);
      await sleep(AFTER_START_MS);
      writeFileSync(file, staticProfile('default', KEYS.userB, CANARY.secret2));
      return { args: ['doctor', '--pid', String(svc.pid)] };
    },
    // A Node process: advice for the JavaScript SDK is allowed, conditionally ("if it uses…").
    expect: { first: 'CC6001', cause: /PID \d+/, fix: /[Rr]estart/ },
  },
  {
    id: 'process-env-session-keys',
    from: 'field: a daemon started with exported session keys',
    title: 'a long-running process holds exported temporary keys (no refresh possible)',
    async stage(w) {
      w.write('.aws/credentials', staticProfile('default', KEYS.userA, CANARY.secret));
      await w.sts({ identities: [userIdentity(KEYS.userA, CANARY.secret)] });
      await w.ntp();
      const d = w.spawn(process.execPath, ['-e', NODE_IDLE, 'daemon.js'], { HOME: w.home, AWS_ACCESS_KEY_ID: KEYS.sessionA, AWS_SECRET_ACCESS_KEY: CANARY.secret2, AWS_SESSION_TOKEN: CANARY.token2 });
      await readyLine(d);
      return { args: ['doctor', '--pid', String(d.pid)] };
    },
    expect: { first: 'CC6003', forbid: [JS_ADVICE, /makestep/] },
  },
];
