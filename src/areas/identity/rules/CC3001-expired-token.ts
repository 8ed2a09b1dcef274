import { defineRule } from '../../../kernel/rule.js';
import { identityDiagnosis } from './helpers.js';

export default defineRule({
  code: 'CC3001',
  severity: 'error',
  title: 'The session token has expired (ExpiredToken)',
  check: (facts) => identityDiagnosis(facts, 'CC3001'),
});
