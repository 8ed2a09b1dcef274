import { defineRule, need } from '../../../kernel/rule.js';
import { firstContact } from '../classify.js';

export default defineRule({
  code: 'CC5005',
  severity: 'info',
  title: 'IMDSv2 required: clients without token support get 401',
  priority: 280,
  reads: ['imds'],
  check(facts) {
    const f = need(facts, 'imds');
    if (firstContact(f) !== 'v2' || f.tokensRequired !== true) return [];
    return [{
      message: 'The instance requires IMDSv2 (HttpTokens=required): a tokenless GET got HTTP 401. Current AWS SDKs and CLIs use tokens; tools and SDKs that predate IMDSv2 (late 2019) cannot get credentials here.',
      fix: 'Upgrade any old SDK/agent that fails here (AWS CLI, boto3/botocore, JavaScript SDK v2/v3, Java SDK). Only if one cannot be upgraded: aws ec2 modify-instance-metadata-options --instance-id <id> --http-tokens optional.',
    }];
  },
});
