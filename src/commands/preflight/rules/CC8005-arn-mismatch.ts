import { defineRule } from '../../../kernel/rule.js';
import { checkHits } from './helpers.js';

export default defineRule({
  code: 'CC8005',
  severity: 'error',
  title: 'Principal ARN does not match --expect-arn',
  priority: 1000,
  reads: ['preflight'],
  check: (facts) => checkHits(facts, 'arn', "Assume the expected role (check role-to-assume / AWS_ROLE_ARN / the profile's role_arn), or fix the --expect-arn glob (* matches any characters including / and :)."),
});
