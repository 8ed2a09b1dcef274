import { defineRule } from '../../../kernel/rule.js';
import { identityDiagnosis } from './helpers.js';

export default defineRule({
  code: 'CC3007',
  severity: 'error',
  title: 'STS is not activated in this region (RegionDisabledException)',
  priority: 850,
  reads: ['identity'],
  check: (facts) => identityDiagnosis(facts, 'CC3007'),
});
