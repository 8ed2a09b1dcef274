import { defineRule, need } from '../../../kernel/rule.js';
import { notOnEc2Reason } from '../classify.js';

export default defineRule({
  code: 'CC5001',
  severity: 'info',
  title: 'Instance metadata service not reachable: not on EC2',
  priority: 300,
  reads: ['imds'],
  check(facts) {
    const f = need(facts, 'imds');
    const reason = notOnEc2Reason(f);
    if (!reason) return [];
    const ms = Math.max(0, ...f.steps.map((s) => s.ms));
    return [{
      message: `IMDS at ${f.config.endpoint} (${f.config.endpointSource}): ${reason}${f.skipped ? '' : ` after ${ms} ms`}. DMI: ${f.dmi.verdict} (${f.dmi.evidence}). SDKs will find no instance-profile credentials here.`,
      fix: 'Off EC2 this is expected: use another credential source (aws configure sso, a profile, or environment variables). On an EC2 instance, check the metadata endpoint is enabled (aws ec2 modify-instance-metadata-options --instance-id <id> --http-endpoint enabled) and that no firewall or iptables rule drops 169.254.169.254.',
    }];
  },
});
