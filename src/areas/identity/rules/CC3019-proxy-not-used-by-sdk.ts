import { defineRule, need } from '../../../kernel/rule.js';

export default defineRule({
  code: 'CC3019',
  severity: 'warning',
  title: 'The STS call used a proxy from the environment; the JavaScript SDK v3 will not',
  priority: 930,
  reads: ['identity'],
  check(facts) {
    const f = need(facts, 'identity');
    if (!f?.ok || !f.proxy) return [];
    return [{
      message: `credcheck reached STS through ${f.proxy.url} (from ${f.proxy.variable}). The AWS CLI and botocore honour that variable too, but an application using the bare AWS SDK for JavaScript v3 ignores HTTPS_PROXY/HTTP_PROXY (its NodeHttpHandler has no proxy support) and will connect directly — which fails if, as here, the proxy may be the only way out.`,
      fix: 'In the Node application pass an agent: new NodeHttpHandler({ httpsAgent: new HttpsProxyAgent(process.env.HTTPS_PROXY) }) as requestHandler (https-proxy-agent), or on Node ≥ 24 run with NODE_USE_ENV_PROXY=1; or allow direct HTTPS to STS.',
      source: 'sts',
    }];
  },
});
