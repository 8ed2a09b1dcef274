import { defineRule } from '../../../kernel/rule.js';
import { identityDiagnosis } from './helpers.js';

export default defineRule({
  code: 'CC3011',
  severity: 'error',
  title: 'The connection to STS was refused or reset',
  priority: 770,
  reads: ['identity'],
  check: (facts) => identityDiagnosis(facts, 'CC3011'),
});
