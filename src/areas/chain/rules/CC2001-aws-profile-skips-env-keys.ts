import { defineRule, need } from '../../../kernel/rule.js';
import { describeSource } from './helpers.js';
import { fileFacts } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC2001',
  severity: 'warning',
  title: 'AWS_PROFILE makes the Node SDK ignore exported keys (the AWS CLI and boto3 use them)',
  priority: 700,
  reads: ['chain'],
  check(facts) {
    const chain = need(facts, 'chain');
    if (!chain.awsProfileEnv || !chain.envKeys.set) return [];
    const env = chain.links.find((l) => l.source === 'env');
    if (env?.status !== 'skipped') return [];
    // A missing profile stops the AWS CLI and boto3 too (ProfileNotFound): CC1034 says so.
    const files = fileFacts(facts);
    if (files && !files.profiles.some((p) => p.name === chain.awsProfileEnv)) return [];
    return [{
      message: `Both AWS_PROFILE=${chain.awsProfileEnv} and AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (${chain.envKeys.accessKeyId}) are set. The JavaScript SDK v3 skips fromEnv when AWS_PROFILE is set and uses ${describeSource(chain)}; the AWS CLI and boto3/botocore do the opposite and use the exported keys ${chain.envKeys.accessKeyId}. The same shell runs two identities.`,
      fix: `Keep one: either "unset AWS_PROFILE" to use the exported keys everywhere, or "unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN" to use profile ${chain.awsProfileEnv} everywhere (the CLI's --profile flag also overrides the env keys).`,
      source: 'env',
      profile: chain.awsProfileEnv,
    }];
  },
});
