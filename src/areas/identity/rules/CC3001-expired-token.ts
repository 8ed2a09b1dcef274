import { defineRule } from '../../../kernel/rule.js';
import { identityDiagnosis } from './helpers.js';

export default defineRule({
  code: 'CC3001',
  severity: 'error',
  title: 'The session token has expired (ExpiredToken)',
  priority: 790,
  reads: ['identity'],
  check: (facts) => identityDiagnosis(facts, 'CC3001'),
});
