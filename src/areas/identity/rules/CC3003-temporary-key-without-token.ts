import { defineRule } from '../../../kernel/rule.js';
import { identityDiagnosis } from './helpers.js';

export default defineRule({
  code: 'CC3003',
  severity: 'error',
  title: 'Temporary (ASIA) key sent without its session token',
  priority: 800,
  reads: ['identity'],
  check: (facts) => identityDiagnosis(facts, 'CC3003'),
});
