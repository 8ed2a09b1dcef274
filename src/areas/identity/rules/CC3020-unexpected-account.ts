import { defineRule, need } from '../../../kernel/rule.js';

export default defineRule({
  code: 'CC3020',
  severity: 'error',
  title: 'The credentials belong to a different account than expected',
  priority: 890,
  reads: ['identity'],
  check(facts) {
    const f = need(facts, 'identity');
    if (!f?.caller || !f.expect?.account || f.caller.account === f.expect.account.trim()) return [];
    return [{
      message: `Expected account ${f.expect.account} (--expect-account), but STS says ${f.credentials?.keyId ?? 'the key'} from ${f.credentials?.source ?? 'the chain'} belongs to ${f.caller.account} (${f.caller.arn}).`,
      fix: `Select the profile for account ${f.expect.account} (--profile / AWS_PROFILE), or unset the environment keys that win over it (run \`credcheck chain\` to see which source supplied these).`,
      source: 'sts',
    }];
  },
});
