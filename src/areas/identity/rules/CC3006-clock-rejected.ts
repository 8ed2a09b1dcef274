import { defineRule } from '../../../kernel/rule.js';
import { identityDiagnosis } from './helpers.js';

export default defineRule({
  code: 'CC3006',
  severity: 'error',
  title: 'STS rejected the request time: the clock is off',
  priority: 830,
  reads: ['identity'],
  check: (facts) => identityDiagnosis(facts, 'CC3006'),
});
