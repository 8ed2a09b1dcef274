import { defineRule } from '../../../kernel/rule.js';
import { checkHits } from './helpers.js';

export default defineRule({
  code: 'CC8004',
  severity: 'error',
  title: 'Credentials belong to an unexpected account',
  priority: 990,
  reads: ['preflight'],
  check: (facts) => checkHits(facts, 'account', 'Point the job at the right account: check the role ARN given to configure-aws-credentials / AWS_ROLE_ARN / the profile, or fix --expect-account.'),
});
