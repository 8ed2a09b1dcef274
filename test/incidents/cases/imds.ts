import type { Incident } from '../incident.js';
import { CANARY } from '../world.js';

export const imdsIncidents: Incident[] = [
  {
    id: 'seed2b-hop-limit',
    from: 'seed 000 / seed 2b: container on EC2 with IMDS hop limit 1',
    title: 'IMDSv2 token PUT answer never arrives (hop limit 1); the v1 GET would answer',
    async stage(w) {
      const creds = { accessKeyId: 'ASIAINCIDENTIMDS000A', secretAccessKey: CANARY.secret, token: CANARY.token, expiration: new Date(Date.now() + 6 * 3600_000) };
      await w.imds({ mode: 'hop-limit', credentials: creds });
      await w.sts({ identities: [{ accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey, sessionToken: creds.token, arn: 'arn:aws:sts::123456789012:assumed-role/test-role/i-0123456789abcdef0', account: '123456789012', userId: 'AROA:i' }] });
      await w.ntp();
      return { args: ['doctor'] };
    },
    expect: { first: 'CC5002', fix: /--http-put-response-hop-limit 2/ },
  },
  {
    id: 'imds-no-role',
    from: 'field: EC2 instance without an instance profile',
    title: 'IMDS answers, but no role is attached',
    async stage(w) {
      await w.imds({ mode: 'no-role' });
      await w.sts({ identities: [] });
      await w.ntp();
      return { args: ['doctor'] };
    },
    expect: { first: 'CC5008', fix: /instance profile|associate-iam-instance-profile/i, forbid: [/aws sso login/, /Fix the ini configuration/] },
  },
  {
    id: 'imds-v1-blocked',
    from: 'field: IMDSv1-only host (token PUT 405) with AWS_EC2_METADATA_V1_DISABLED',
    title: 'the token PUT is refused and the SDK may not fall back to v1',
    async stage(w) {
      await w.imds({ mode: 'v1-only-405' });
      await w.sts({ identities: [] });
      await w.ntp();
      return { args: ['doctor'], env: { AWS_EC2_METADATA_V1_DISABLED: 'true' } };
    },
    expect: { first: 'CC5003', forbid: [/aws sso login/] },
  },
  {
    id: 'imds-throttled',
    from: 'field: many processes hammering IMDS',
    title: 'IMDS answers 429',
    async stage(w) {
      await w.imds({ mode: 'throttled' });
      await w.sts({ identities: [] });
      await w.ntp();
      return { args: ['doctor'] };
    },
    expect: { first: 'CC5009', forbid: [/aws sso login/, /Fix the ini configuration/] },
  },
];
