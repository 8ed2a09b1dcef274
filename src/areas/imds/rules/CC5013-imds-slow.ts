import { defineRule, need } from '../../../kernel/rule.js';
import { answered } from '../classify.js';

export default defineRule({
  code: 'CC5013',
  severity: 'error',
  title: "Instance metadata answers slower than the SDK's 1 s timeout",
  priority: 220,
  reads: ['imds'],
  check(facts) {
    const f = need(facts, 'imds');
    if (!f.reachable) return [];
    const slow = f.steps.filter((s) => (answered(s) && s.ms > f.sdkTimeoutMs) || (s.status === 'timeout' && s.name !== 'token' && s.name !== 'v1-get'));
    if (slow.length === 0) return [];
    return [{
      message: `IMDS answered, but ${slow.map((s) => `${s.name} ${s.status === 'timeout' ? 'timed out' : `took ${s.ms} ms`}`).join(', ')}: the JavaScript SDK gives up after ${f.sdkTimeoutMs} ms with 0 retries ("TimeoutError from instance metadata service").`,
      fix: 'Find what loads the instance or its network (CPU steal, a saturated ENI, a local proxy); meanwhile raise the client timeout: JavaScript fromInstanceMetadata({ timeout: 3000, maxRetries: 2 }), AWS CLI/botocore AWS_METADATA_SERVICE_TIMEOUT=3 AWS_METADATA_SERVICE_NUM_ATTEMPTS=3.',
    }];
  },
});
