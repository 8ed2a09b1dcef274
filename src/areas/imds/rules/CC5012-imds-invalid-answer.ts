import { defineRule, need } from '../../../kernel/rule.js';

export default defineRule({
  code: 'CC5012',
  severity: 'error',
  title: 'Instance metadata answer is not valid credentials',
  priority: 210,
  reads: ['imds'],
  check(facts) {
    const f = need(facts, 'imds');
    const bad = f.steps.filter((s) => s.status === 'invalid');
    const c = f.credentials;
    const incomplete = c?.code === 'Success' && (!c.accessKeyId || !c.hasSecret || !c.hasToken || !c.expiration);
    if (bad.length === 0 && !incomplete) return [];
    return [{
      message: bad.length
        ? `The ${bad.map((s) => s.name).join(', ')} answer is not what IMDS sends (${bad.map((s) => s.error).join('; ')}): something else answers on ${f.config.endpoint}, e.g. a proxy error page or a broken emulator. The SDK fails with "Invalid response received from instance metadata service" or a JSON error.`
        : 'The credentials answer lacks AccessKeyId, SecretAccessKey, Token or Expiration: the SDK rejects it as an invalid response.',
      fix: `Check what answers on ${f.config.endpoint} (curl -s -H "X-aws-ec2-metadata-token: $TOKEN" ${f.config.endpoint}/latest/meta-data/iam/security-credentials/${f.role ?? '<role>'} | head); bypass proxies with NO_PROXY=169.254.169.254, or fix the emulator.`,
    }];
  },
});
