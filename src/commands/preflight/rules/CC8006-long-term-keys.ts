import { defineRule } from '../../../kernel/rule.js';
import { checkHits } from './helpers.js';

export default defineRule({
  code: 'CC8006',
  severity: 'error',
  title: 'Long-term access keys where temporary ones are required',
  priority: 1010,
  reads: ['preflight'],
  check: (facts) => checkHits(facts, 'long-term-keys', 'Replace the IAM user keys with a role: OIDC web identity (configure-aws-credentials with role-to-assume), or assume a role from them and use the ASIA session keys; then deactivate the AKIA key.'),
});
