import { defineRule } from '../../../kernel/rule.js';
import { identityDiagnosis } from './helpers.js';

export default defineRule({
  code: 'CC3006',
  severity: 'error',
  title: 'STS rejected the request time: the clock is off',
  check: (facts) => identityDiagnosis(facts, 'CC3006'),
});
