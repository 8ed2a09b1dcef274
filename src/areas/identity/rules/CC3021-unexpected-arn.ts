import { defineRule, need } from '../../../kernel/rule.js';
import { globMatches } from '../../../sdk/arn-glob.js';

export default defineRule({
  code: 'CC3021',
  severity: 'error',
  title: 'The caller ARN does not match the expected pattern',
  priority: 900,
  reads: ['identity'],
  check(facts) {
    const f = need(facts, 'identity');
    if (!f?.caller || !f.expect?.arn || globMatches(f.expect.arn.trim(), f.caller.arn)) return [];
    return [{
      message: `Expected an ARN matching ${f.expect.arn} (--expect-arn), but STS says the caller is ${f.caller.arn} (credentials from ${f.credentials?.source ?? 'the chain'}).`,
      fix: 'Use the profile or role that yields the expected principal (check role_arn and source_profile in ~/.aws/config), or correct the --expect-arn pattern (* matches any run of characters).',
      source: 'sts',
    }];
  },
});
