import type { Facts } from '../../../kernel/facts.js';
import type { Hit } from '../../../kernel/rule.js';
import type { CheckId } from '../checks.js';

/** One hit for a failing (error) or warning (warning) preflight check; passes and skips say nothing. */
export function checkHits(facts: Facts, id: CheckId, fix: string): Hit[] {
  const check = facts.preflight?.checks.find((c) => c.id === id);
  if (!check || (check.status !== 'fail' && check.status !== 'warn')) return [];
  return [{ severity: check.status === 'fail' ? 'error' : 'warning', message: `${check.name}: ${check.reason}`, fix, source: `preflight ${id}` }];
}
