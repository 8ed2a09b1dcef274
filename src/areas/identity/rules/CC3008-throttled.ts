import { defineRule } from '../../../kernel/rule.js';
import { identityDiagnosis } from './helpers.js';

export default defineRule({
  code: 'CC3008',
  severity: 'warning',
  title: 'STS is throttling this account',
  priority: 880,
  reads: ['identity'],
  check: (facts) => identityDiagnosis(facts, 'CC3008'),
});
