import { defineRule, need } from '../../../kernel/rule.js';
import { firstContact } from '../classify.js';

export default defineRule({
  code: 'CC5003',
  severity: 'error',
  title: 'No IMDSv2 token and IMDSv1 fallback is disabled in SDK settings',
  priority: 150,
  reads: ['imds'],
  check(facts) {
    const f = need(facts, 'imds');
    if (!f.config.v1Disabled || !f.reachable) return [];
    const c = firstContact(f);
    if (c === 'v2') return [];
    return [{
      message: `The token request failed (${c}) and ${f.config.v1DisabledSource} blocks the IMDSv1 fallback: the JavaScript SDK throws "AWS EC2 Metadata v1 fallback has been blocked by AWS SDK configuration".`,
      fix: c === 'hop-limit'
        ? 'Fix the token path first: aws ec2 modify-instance-metadata-options --instance-id <instance-id> --http-put-response-hop-limit 2.'
        : `Make the token endpoint answer (bypass any proxy for 169.254.169.254), or unset ${f.config.v1DisabledSource?.startsWith('env') ? 'AWS_EC2_METADATA_V1_DISABLED' : 'ec2_metadata_v1_disabled in the config file'} if IMDSv1 is acceptable.`,
    }];
  },
});
