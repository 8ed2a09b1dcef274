import { defineRule, need } from '../../../kernel/rule.js';
import { firstContact, stepOf } from '../classify.js';

export default defineRule({
  code: 'CC5002',
  severity: 'warning',
  title: 'IMDSv2 token response never arrives: hop limit too low for a container',
  priority: 200,
  reads: ['imds'],
  check(facts) {
    const f = need(facts, 'imds');
    if (firstContact(f) !== 'hop-limit') return [];
    const v1 = stepOf(f, 'v1-get')!;
    const blocked = f.tokensRequired || f.config.v1Disabled;
    const id = f.instance?.instanceId ?? '<instance-id>';
    return [{
      severity: blocked ? 'error' : 'warning',
      message: `PUT /latest/api/token got no answer within ${stepOf(f, 'token')!.ms} ms while a plain GET answered (HTTP ${v1.httpStatus}) in ${v1.ms} ms: the token reply is dropped one hop short, the signature of a container behind a bridge with http-put-response-hop-limit 1. ${blocked ? 'IMDSv1 is not available here, so SDKs fail.' : 'SDKs wait 1 s for the token on every refresh, then fall back to IMDSv1.'}`,
      fix: `aws ec2 modify-instance-metadata-options --instance-id ${id} --http-put-response-hop-limit 2 (or set HttpPutResponseHopLimit 2 in the launch template; alternatively run the container with host networking).`,
    }];
  },
});
