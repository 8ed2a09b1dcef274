import { defineRule } from '../../../kernel/rule.js';
import { identityDiagnosis } from './helpers.js';

export default defineRule({
  code: 'CC3013',
  severity: 'error',
  title: 'The STS certificate is not trusted (TLS interception?)',
  priority: 750,
  reads: ['identity'],
  check: (facts) => identityDiagnosis(facts, 'CC3013'),
});
