import { defineRule } from '../core/rule.js';
import { identityDiagnosis } from './identity-helpers.js';

export default defineRule({
  code: 'CC3015',
  severity: 'error',
  title: 'No credentials could be resolved to ask STS',
  check: (facts) => identityDiagnosis(facts, 'CC3015'),
});
