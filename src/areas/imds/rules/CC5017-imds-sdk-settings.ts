import { defineRule, need, type Hit } from '../../../kernel/rule.js';

export default defineRule({
  code: 'CC5017',
  severity: 'warning',
  title: 'SDK metadata settings disable or break IMDS access',
  priority: 140,
  reads: ['imds'],
  check(facts) {
    const f = need(facts, 'imds');
    const hits: Hit[] = f.config.problems.map((p) => ({ message: `${p}.`, fix: 'Set AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE to IPv4 or IPv6 exactly (case matters), or the endpoint to a URL such as http://169.254.169.254.' , severity: 'error' }));
    if (f.config.disabled && !f.container) {
      hits.push({
        message: `AWS_EC2_METADATA_DISABLED is set: the JavaScript SDK's default chain skips IMDS ("EC2 Instance Metadata Service access disabled")${f.reachable ? ' although IMDS answers here' : ''}.`,
        fix: 'unset AWS_EC2_METADATA_DISABLED (or set it to "false") if this process should use the instance role.',
        severity: f.reachable ? 'error' : 'warning',
      });
    }
    return hits;
  },
});
