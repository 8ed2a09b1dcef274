import { defineRule, need } from '../../../kernel/rule.js';
import { firstContact } from '../classify.js';

export default defineRule({
  code: 'CC5007',
  severity: 'error',
  title: 'Instance metadata service answers 403: disabled or forbidden',
  priority: 160,
  reads: ['imds'],
  check(facts) {
    const f = need(facts, 'imds');
    if (firstContact(f) !== 'disabled') return [];
    return [{
      message: 'Both the token PUT and a plain GET got HTTP 403: the metadata endpoint is turned off for this instance (HttpEndpoint=disabled) or a policy forbids it. SDKs fail with "Error response received from instance metadata service".',
      fix: `aws ec2 modify-instance-metadata-options --instance-id ${f.instance?.instanceId ?? '<instance-id>'} --http-endpoint enabled`,
    }];
  },
});
