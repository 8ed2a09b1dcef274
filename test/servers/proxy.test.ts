import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { startProxy } from './proxy.js';
import { startSts, type StsServer } from './sts.js';
import { makeTlsFixture } from './tls.js';

const ALICE = {
  accessKeyId: 'AKIAEXAMPLEALICE0001',
  secretAccessKey: 'aliceSecret/K7MDENG+bPxRfiCYEXAMPLEKEY01',
  arn: 'arn:aws:iam::111122223333:user/alice',
  account: '111122223333',
  userId: 'AIDAEXAMPLEALICE0001',
};

function viaProxy(endpoint: string, proxyUrl: string, ca?: string) {
  const agent = new HttpsProxyAgent(proxyUrl, ca ? { ca } : {});
  return new STSClient({
    region: 'us-east-1', endpoint, credentials: ALICE, maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ httpAgent: agent, httpsAgent: agent, connectionTimeout: 2000, requestTimeout: 2000 }),
  });
}

describe('loopback CONNECT proxy and TLS fixture with the real SDK', () => {
  let sts: StsServer;
  let tlsSts: StsServer;
  before(async () => {
    sts = await startSts({ identities: [ALICE] });
    const fx = makeTlsFixture();
    tlsSts = await startSts({ identities: [ALICE], tls: { key: fx.key, cert: fx.cert } });
  });
  after(async () => {
    await sts.close();
    await tlsSts.close();
  });

  it('a normal proxy tunnels the signed call', async () => {
    const proxy = await startProxy();
    try {
      const out = await viaProxy(sts.url, proxy.url).send(new GetCallerIdentityCommand({}));
      assert.equal(out.Arn, ALICE.arn);
      assert.deepEqual(proxy.connects, [`127.0.0.1:${sts.port}`]);
    } finally {
      await proxy.close();
    }
  });

  it('a refusing proxy fails the call', async () => {
    const proxy = await startProxy({ mode: 'refuse' });
    try {
      await assert.rejects(viaProxy(sts.url, proxy.url).send(new GetCallerIdentityCommand({})));
      assert.equal(proxy.connects.length, 1);
    } finally {
      await proxy.close();
    }
  });

  it('an authenticating proxy needs the right credentials', async () => {
    const proxy = await startProxy({ mode: 'auth', user: 'u', password: 'p' });
    try {
      await assert.rejects(viaProxy(sts.url, proxy.url).send(new GetCallerIdentityCommand({})));
      const u = new URL(proxy.url);
      u.username = 'u';
      u.password = 'p';
      const out = await viaProxy(sts.url, u.toString()).send(new GetCallerIdentityCommand({}));
      assert.equal(out.Account, ALICE.account);
    } finally {
      await proxy.close();
    }
  });

  it('the self-signed TLS server is rejected until its CA is trusted', async () => {
    const plain = new STSClient({ region: 'us-east-1', endpoint: tlsSts.url, credentials: ALICE, maxAttempts: 1 });
    await assert.rejects(plain.send(new GetCallerIdentityCommand({})), (e: any) => /SELF_SIGNED|UNABLE_TO_VERIFY|self.signed|unable to verify/i.test(`${e.code} ${e.message}`));
    const https = await import('node:https');
    const trusting = new STSClient({
      region: 'us-east-1', endpoint: tlsSts.url, credentials: ALICE, maxAttempts: 1,
      requestHandler: new NodeHttpHandler({ httpsAgent: new https.Agent({ ca: makeTlsFixture().caPem }) }),
    });
    assert.equal((await trusting.send(new GetCallerIdentityCommand({}))).Arn, ALICE.arn);
  });
});
