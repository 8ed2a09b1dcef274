import { defineRule } from '../core/rule.js';
import { identityDiagnosis } from './identity-helpers.js';

export default defineRule({
  code: 'CC3012',
  severity: 'error',
  title: 'STS did not answer in time',
  check: (facts) => identityDiagnosis(facts, 'CC3012'),
});
