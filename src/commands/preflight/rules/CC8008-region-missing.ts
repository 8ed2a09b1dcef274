import { defineRule } from '../../../kernel/rule.js';
import { checkHits } from './helpers.js';

export default defineRule({
  code: 'CC8008',
  severity: 'error',
  title: 'No region configured',
  priority: 1030,
  reads: ['preflight'],
  check: (facts) => checkHits(facts, 'region', 'Set AWS_REGION in the job (env: AWS_REGION: eu-west-1) or region in the profile; the JavaScript SDK does not read AWS_DEFAULT_REGION.'),
});
