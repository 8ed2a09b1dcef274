import { defineRule, need } from '../../../kernel/rule.js';

export default defineRule({
  code: 'CC3017',
  severity: 'warning',
  title: 'These are the account root user\'s credentials',
  priority: 910,
  reads: ['identity'],
  check(facts) {
    const f = need(facts, 'identity');
    if (!f?.caller || f.caller.principalType !== 'root') return [];
    return [{
      message: `STS says ${f.credentials?.keyId ?? 'this key'} belongs to ${f.caller.arn}: the root user of account ${f.caller.account}, which no IAM policy can restrict.`,
      fix: 'Delete the root access key (IAM console → Security credentials, signed in as root), create an IAM user or, better, an IAM Identity Center / role-based identity with only the permissions needed, and use that.',
      source: 'sts',
    }];
  },
});
