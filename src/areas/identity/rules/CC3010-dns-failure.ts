import { defineRule } from '../../../kernel/rule.js';
import { identityDiagnosis } from './helpers.js';

export default defineRule({
  code: 'CC3010',
  severity: 'error',
  title: 'The STS host name does not resolve',
  priority: 760,
  reads: ['identity'],
  check: (facts) => identityDiagnosis(facts, 'CC3010'),
});
