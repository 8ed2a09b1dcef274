import { defineRule } from '../../../kernel/rule.js';
import { identityDiagnosis } from './helpers.js';

export default defineRule({
  code: 'CC3016',
  severity: 'error',
  title: 'STS call failed with an unexpected answer',
  priority: 870,
  reads: ['identity'],
  check: (facts) => identityDiagnosis(facts, 'CC3016'),
});
