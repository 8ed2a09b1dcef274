import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startSts, type StsServer } from './sts.js';

// Proves the loopback STS faithful: the real @aws-sdk/client-sts signs, the server verifies.
const ALICE = {
  accessKeyId: 'AKIAEXAMPLEALICE0001',
  secretAccessKey: 'aliceSecret/K7MDENG+bPxRfiCYEXAMPLEKEY01',
  arn: 'arn:aws:iam::111122223333:user/alice',
  account: '111122223333',
  userId: 'AIDAEXAMPLEALICE0001',
};
const SESSION = {
  accessKeyId: 'ASIAEXAMPLESESSION01',
  secretAccessKey: 'sessionSecret+K7MDENG+bPxRfiCYEXAMPLE02',
  sessionToken: 'FwoGZXIvYXdzEXAMPLEsessionTOKEN',
  arn: 'arn:aws:sts::111122223333:assumed-role/deployer/ci-run-7',
  account: '111122223333',
  userId: 'AROAEXAMPLEROLE00001:ci-run-7',
};
const EXPIRED = { ...SESSION, accessKeyId: 'ASIAEXAMPLEEXPIRED01', expired: true };

function client(sts: StsServer, creds: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, maxAttempts = 1) {
  return new STSClient({ region: 'eu-west-1', endpoint: sts.url, credentials: creds, maxAttempts });
}

describe('loopback STS against the real SDK', () => {
  let sts: StsServer;
  before(async () => {
    sts = await startSts({ identities: [ALICE, SESSION, EXPIRED] });
  });
  after(() => sts.close());

  it('GetCallerIdentity succeeds with the right secret and names the signer', async () => {
    const out = await client(sts, ALICE).send(new GetCallerIdentityCommand({}));
    assert.equal(out.Arn, ALICE.arn);
    assert.equal(out.Account, ALICE.account);
    assert.equal(out.UserId, ALICE.userId);
    const last = sts.requests.at(-1)!;
    assert.equal(last.arn, ALICE.arn);
    assert.equal(last.region, 'eu-west-1');
  });

  it('session credentials need their token', async () => {
    const ok = await client(sts, SESSION).send(new GetCallerIdentityCommand({}));
    assert.equal(ok.Arn, SESSION.arn);
    const { sessionToken: _t, ...noToken } = SESSION;
    await assert.rejects(client(sts, noToken).send(new GetCallerIdentityCommand({})), (e: any) => e.name === 'InvalidClientTokenId');
  });

  it('a wrong secret is SignatureDoesNotMatch without "expired"', async () => {
    await assert.rejects(
      client(sts, { ...ALICE, secretAccessKey: `${ALICE.secretAccessKey} ` }).send(new GetCallerIdentityCommand({})),
      (e: any) => e.name === 'SignatureDoesNotMatch' && /Check your AWS Secret Access Key/.test(e.message) && e.$metadata.httpStatusCode === 403,
    );
  });

  it('an unknown key is InvalidClientTokenId', async () => {
    await assert.rejects(
      client(sts, { ...ALICE, accessKeyId: 'AKIAUNKNOWNKEY000001' }).send(new GetCallerIdentityCommand({})),
      (e: any) => e.name === 'InvalidClientTokenId' && e.message === 'The security token included in the request is invalid.',
    );
  });

  it('an expired session is ExpiredToken', async () => {
    await assert.rejects(client(sts, EXPIRED).send(new GetCallerIdentityCommand({})), (e: any) => e.name === 'ExpiredToken' && e.$metadata.httpStatusCode === 400);
  });

  it('a 10-minute skew fails without retries and is corrected by the SDK with them', async () => {
    sts.setClockOffset(10 * 60_000);
    try {
      await assert.rejects(
        client(sts, ALICE, 1).send(new GetCallerIdentityCommand({})),
        (e: any) => e.name === 'SignatureDoesNotMatch' && /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/.test(e.message),
      );
      const c = client(sts, ALICE, 3);
      const out = await c.send(new GetCallerIdentityCommand({}));
      assert.equal(out.Arn, ALICE.arn);
      assert.ok(Math.abs(c.config.systemClockOffset - 600_000) < 5_000, `offset ${c.config.systemClockOffset}`);
      assert.equal(out.$metadata.attempts, 2);
    } finally {
      sts.setClockOffset(0);
    }
  });

  it('canned failures come back as the SDK expects', async () => {
    for (const [code, status] of [['Throttling', 400], ['RegionDisabledException', 403], ['RequestExpired', 400], ['InternalFailure', 500]] as const) {
      sts.setFailWith({ code, times: 1 });
      await assert.rejects(client(sts, ALICE).send(new GetCallerIdentityCommand({})), (e: any) => e.name === code && e.$metadata.httpStatusCode === status);
    }
    sts.setFailWith(undefined);
  });

  it('AssumeRole issues credentials the server then recognises', async () => {
    const out = await client(sts, ALICE).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::444455556666:role/reader', RoleSessionName: 's1' }));
    assert.ok(out.Credentials?.Expiration instanceof Date);
    assert.match(out.Credentials!.AccessKeyId!, /^ASIA/);
    const who = await client(sts, {
      accessKeyId: out.Credentials!.AccessKeyId!, secretAccessKey: out.Credentials!.SecretAccessKey!, sessionToken: out.Credentials!.SessionToken!,
    }).send(new GetCallerIdentityCommand({}));
    assert.equal(who.Arn, 'arn:aws:sts::444455556666:assumed-role/reader/s1');
    assert.equal(who.Account, '444455556666');
  });

  it('AssumeRoleWithWebIdentity is unsigned and returns credentials', async () => {
    const c = new STSClient({ region: 'us-east-1', endpoint: sts.url, maxAttempts: 1 });
    const out = await c.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: 'arn:aws:iam::111122223333:role/web', RoleSessionName: 'w', WebIdentityToken: 'eyJhbGciOi.token' }));
    assert.equal(out.AssumedRoleUser?.Arn, 'arn:aws:sts::111122223333:assumed-role/web/w');
    assert.ok(out.Credentials?.Expiration instanceof Date);
  });
});
