import { defineRule } from '../core/rule.js';
import { identityDiagnosis } from './identity-helpers.js';

export default defineRule({
  code: 'CC3002',
  severity: 'error',
  title: 'STS does not recognise the access key (InvalidClientTokenId)',
  check: (facts) => identityDiagnosis(facts, 'CC3002'),
});
