import { defineRule } from '../../../kernel/rule.js';
import { identityDiagnosis } from './helpers.js';

export default defineRule({
  code: 'CC3015',
  severity: 'error',
  title: 'No credentials could be resolved to ask STS',
  priority: 730,
  reads: ['identity'],
  check: (facts) => identityDiagnosis(facts, 'CC3015'),
});
