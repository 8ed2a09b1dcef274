import { defineRule } from '../../../kernel/rule.js';
import { identityDiagnosis } from './helpers.js';

export default defineRule({
  code: 'CC3004',
  severity: 'error',
  title: 'Global-endpoint session token used in an opt-in region',
  priority: 810,
  reads: ['identity'],
  check: (facts) => identityDiagnosis(facts, 'CC3004'),
});
