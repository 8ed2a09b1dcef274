import { defineRule } from '../../../kernel/rule.js';
import { identityDiagnosis } from './helpers.js';

export default defineRule({
  code: 'CC3002',
  severity: 'error',
  title: 'STS does not recognise the access key (InvalidClientTokenId)',
  priority: 820,
  reads: ['identity'],
  check: (facts) => identityDiagnosis(facts, 'CC3002'),
});
