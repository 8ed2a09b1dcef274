import { defineRule } from '../../../kernel/rule.js';
import { identityDiagnosis } from './helpers.js';

export default defineRule({
  code: 'CC3012',
  severity: 'error',
  title: 'STS did not answer in time',
  priority: 780,
  reads: ['identity'],
  check: (facts) => identityDiagnosis(facts, 'CC3012'),
});
