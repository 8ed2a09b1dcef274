import { defineRule } from '../core/rule.js';
import { identityDiagnosis } from './identity-helpers.js';

export default defineRule({
  code: 'CC3010',
  severity: 'error',
  title: 'The STS host name does not resolve',
  check: (facts) => identityDiagnosis(facts, 'CC3010'),
});
