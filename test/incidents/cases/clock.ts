import type { Incident } from '../incident.js';
import { CANARY, KEYS, staticProfile, userIdentity } from '../world.js';

const MIN = 60_000;
/** Advice that would step a healthy clock (or one judged only by a wrong reference). */
const STEP = /makestep|set-ntp true|step the clock/i;

export const clockIncidents: Incident[] = [
  {
    id: 'ntp-server-wrong',
    from: 'issue 15: NTP server 5 min off, host clock right',
    title: 'the internal NTP server is 5 minutes fast; the host agrees with AWS',
    async stage(w) {
      w.write('.aws/credentials', staticProfile('default', KEYS.userA, CANARY.secret));
      await w.sts({ identities: [userIdentity(KEYS.userA, CANARY.secret)] });
      await w.ntp({ offsetMs: 5 * MIN });
      return { args: ['doctor'] };
    },
    expect: {
      first: 'CC4002',
      cause: /NTP server 127\.0\.0\.1:\d+ .*(wrong|off)/i,
      fix: /127\.0\.0\.1:\d+/,
      forbid: [STEP, /host's clock is off/i, /Clock +5m00s behind/],
    },
  },
  {
    id: 'ntp-two-servers-one-wrong',
    from: 'field: one of two NTP servers drifted',
    title: 'two NTP servers, one 8 minutes slow; the host agrees with the other and with AWS',
    async stage(w) {
      w.write('.aws/credentials', staticProfile('default', KEYS.userA, CANARY.secret));
      await w.sts({ identities: [userIdentity(KEYS.userA, CANARY.secret)] });
      await w.ntp({ offsetMs: 0 });
      await w.ntp({ offsetMs: -8 * MIN });
      return { args: ['doctor'] };
    },
    expect: { first: 'CC4002', fix: /127\.0\.0\.1:\d+/, forbid: [STEP, /host's clock is off/i] },
  },
  {
    id: 'seed2-host-behind',
    from: 'seed 000 (ExpiredToken, wrong time) / issue 15 contradictions',
    title: 'host clock 10 minutes behind AWS and behind NTP',
    async stage(w) {
      w.write('.aws/credentials', staticProfile('default', KEYS.userA, CANARY.secret));
      await w.sts({ clockOffsetMs: 10 * MIN, identities: [userIdentity(KEYS.userA, CANARY.secret)] });
      await w.ntp({ offsetMs: 10 * MIN });
      return { args: ['doctor'] };
    },
    expect: {
      first: 'CC4001',
      cause: /(10m00s|9m5\ds) behind/,
      fix: /chronyc makestep|timedatectl/,
      // The same fact said two ways on one screen reads as a contradiction.
      forbid: [/AWS clock 10m00s ahead/, /\d+\.\d{4,} ?ms/],
    },
  },
  {
    id: 'host-behind-ntp-blocked',
    from: 'field: UDP 123 blocked, clock drifted',
    title: 'host 7 minutes behind; NTP silent; only the AWS Date header answers',
    async stage(w) {
      w.write('.aws/credentials', staticProfile('default', KEYS.userA, CANARY.secret));
      await w.sts({ clockOffsetMs: 7 * MIN, identities: [userIdentity(KEYS.userA, CANARY.secret)] });
      await w.ntp({ silent: true });
      return { args: ['doctor'] };
    },
    expect: { first: 'CC4001', cause: /[67]m\d\ds behind/, fix: /makestep|timedatectl|chrony/ },
  },
  {
    id: 'signature-expired-clock',
    from: 'seed 000: SignatureDoesNotMatch "Signature expired" from a skewed host',
    title: 'STS says the signature expired; host 20 minutes behind',
    async stage(w) {
      w.write('.aws/credentials', staticProfile('default', KEYS.userA, CANARY.secret));
      await w.sts({ clockOffsetMs: 20 * MIN, failWith: 'SignatureExpired', identities: [userIdentity(KEYS.userA, CANARY.secret)] });
      await w.ntp({ offsetMs: 20 * MIN });
      return { args: ['doctor'] };
    },
    expect: { first: 'CC6101', fix: /makestep|timedatectl/, forbid: [/aws configure|new access key|rotate the key/i] },
  },
  {
    id: 'expired-token-clock-fine',
    from: 'seed 000: ExpiredToken with the time right',
    title: 'the session in the credentials file expired; the clock is right',
    async stage(w) {
      w.write('.aws/credentials', staticProfile('default', KEYS.sessionA, CANARY.secret, `aws_session_token = ${CANARY.token}\n`));
      await w.sts({ identities: [{ ...userIdentity(KEYS.sessionA, CANARY.secret), sessionToken: CANARY.token, expired: true, arn: 'arn:aws:sts::123456789012:assumed-role/app/s' }] });
      await w.ntp({ offsetMs: 0 });
      return { args: ['doctor'] };
    },
    expect: { first: 'CC3001', fix: /new|refresh|re-?run|login|assume/i, forbid: [STEP] },
  },
  {
    id: 'ntp-dns-and-sts-refused',
    from: 'issue 15: CC4003 fix for a DNS failure is "Allow outbound UDP 123"',
    title: 'the NTP server name does not resolve and STS refuses connections',
    async stage(w) {
      w.write('.aws/credentials', staticProfile('default', KEYS.userA, CANARY.secret));
      w.env.CREDCHECK_NTP_SERVERS = 'ntp.corp.invalid';
      w.env.AWS_ENDPOINT_URL_STS = 'http://127.0.0.1:9';
      return { args: ['doctor'] };
    },
    expect: { first: 'CC3011', fix: /firewall|proxy|endpoint|reach/i, forbid: [/Allow outbound UDP 123/] },
  },
];
