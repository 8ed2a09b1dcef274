import { defineRule } from '../../../kernel/rule.js';
import { identityDiagnosis } from './helpers.js';

export default defineRule({
  code: 'CC3014',
  severity: 'error',
  title: 'The proxy in the environment made the STS call fail',
  priority: 740,
  reads: ['identity'],
  check: (facts) => identityDiagnosis(facts, 'CC3014'),
});
