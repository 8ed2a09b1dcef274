import { defineRule } from '../../../kernel/rule.js';
import { checkHits } from './helpers.js';

export default defineRule({
  code: 'CC8002',
  severity: 'error',
  title: 'STS did not validate the credentials',
  priority: 970,
  reads: ['preflight'],
  check(facts) {
    const id = facts.preflight?.inputs.identity;
    const fix = id && !id.ok ? id.fix : 'Verify the credentials with `credcheck identity` and follow its diagnosis.';
    return checkHits(facts, 'identity', fix);
  },
});
