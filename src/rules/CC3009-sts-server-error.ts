import { defineRule } from '../core/rule.js';
import { identityDiagnosis } from './identity-helpers.js';

export default defineRule({
  code: 'CC3009',
  severity: 'error',
  title: 'STS answered with a server error',
  check: (facts) => identityDiagnosis(facts, 'CC3009'),
});
