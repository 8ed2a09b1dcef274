import { defineRule } from '../../../kernel/rule.js';
import { identityDiagnosis } from './helpers.js';

export default defineRule({
  code: 'CC3009',
  severity: 'error',
  title: 'STS answered with a server error',
  priority: 860,
  reads: ['identity'],
  check: (facts) => identityDiagnosis(facts, 'CC3009'),
});
