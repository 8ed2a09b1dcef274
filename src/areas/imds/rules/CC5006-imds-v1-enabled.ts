import { defineRule, need } from '../../../kernel/rule.js';
import { firstContact } from '../classify.js';

export default defineRule({
  code: 'CC5006',
  severity: 'info',
  title: 'IMDSv1 is still enabled on this instance',
  priority: 290,
  reads: ['imds'],
  check(facts) {
    const f = need(facts, 'imds');
    if (firstContact(f) !== 'v2' || f.tokensRequired !== false) return [];
    return [{
      message: 'Both IMDSv2 (token) and IMDSv1 (tokenless GET) answer: a server-side request forgery in any app on this instance can read the role credentials with a plain GET.',
      fix: `aws ec2 modify-instance-metadata-options --instance-id ${f.instance?.instanceId ?? '<instance-id>'} --http-tokens required (check first that no old SDK on the instance needs IMDSv1).`,
    }];
  },
});
