import type { Facts } from '../core/facts.js';
import { okValue } from '../core/probe.js';
import type { ClockFacts } from '../clock/facts.js';

export function clockFacts(facts: Facts): ClockFacts | undefined {
  return okValue(facts.clock);
}
