import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { rootCertificates } from 'node:tls';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { registerUrlSecrets } from '../../kernel/userinfo.js';
import type { ProxyChoice } from '../proxy.js';

export interface StsClientOptions {
  region: string;
  endpoint: string;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  proxy?: ProxyChoice;
  /** PEM text to trust in addition to Node's roots (credcheck honours AWS_CA_BUNDLE; the JS SDK does not), read by sdk/inputs.ts. */
  caBundlePem?: string;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  maxAttempts?: number;
}

/** What the proxy said to our CONNECT, captured because https-proxy-agent hides it behind a fake socket. */
export interface ProxyObservation {
  connectStatus?: number;
  connectStatusText?: string;
}

export interface BuiltStsClient {
  client: STSClient;
  proxyObservation: ProxyObservation;
  destroy(): void;
}

/**
 * An STS client with short deadlines. maxAttempts 2 by default: the second attempt is what lets
 * the SDK correct clock skew (the first failure teaches it the offset), which we want to observe.
 * Async because the proxy agent (and its `debug` dependency, a measurable part of start-up) is
 * loaded only when a proxy is configured.
 */
export async function buildStsClient(o: StsClientOptions): Promise<BuiltStsClient> {
  const ca = o.caBundlePem !== undefined ? [...rootCertificates, o.caBundlePem] : undefined;
  const proxyObservation: ProxyObservation = {};
  let httpAgent: HttpAgent;
  let httpsAgent: HttpsAgent;
  if (o.proxy) {
    // Only the password is secret; the proxy's address is evidence we want to print.
    registerUrlSecrets(o.proxy.url);
    const { HttpsProxyAgent } = await import('https-proxy-agent');
    const agent = new HttpsProxyAgent(o.proxy.url, { ...(ca ? { ca } : {}), keepAlive: false });
    agent.on('proxyConnect', (connect: { statusCode: number; statusText: string }) => {
      proxyObservation.connectStatus = connect.statusCode;
      proxyObservation.connectStatusText = connect.statusText;
    });
    httpAgent = agent as unknown as HttpAgent;
    httpsAgent = agent as unknown as HttpsAgent;
  } else {
    httpAgent = new HttpAgent({ keepAlive: false });
    httpsAgent = new HttpsAgent({ keepAlive: false, ...(ca ? { ca } : {}) });
  }
  const client = new STSClient({
    region: o.region,
    endpoint: o.endpoint,
    credentials: o.credentials,
    maxAttempts: o.maxAttempts ?? 2,
    requestHandler: new NodeHttpHandler({
      httpAgent,
      httpsAgent,
      connectionTimeout: o.connectTimeoutMs ?? 2000,
      requestTimeout: o.requestTimeoutMs ?? 3000,
    }),
  });
  return {
    client,
    proxyObservation,
    destroy: () => {
      client.destroy();
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
