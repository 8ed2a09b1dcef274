import type { Facts } from '../../../kernel/facts.js';
import { okValue } from '../../../kernel/probe.js';
import type { ClockFacts } from '../facts.js';

export function clockFacts(facts: Facts): ClockFacts | undefined {
  return okValue(facts.clock);
}
