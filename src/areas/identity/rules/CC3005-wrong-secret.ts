import { defineRule } from '../../../kernel/rule.js';
import { identityDiagnosis } from './helpers.js';

export default defineRule({
  code: 'CC3005',
  severity: 'error',
  title: 'The secret key does not match the access key (SignatureDoesNotMatch)',
  priority: 840,
  reads: ['identity'],
  check: (facts) => identityDiagnosis(facts, 'CC3005'),
});
