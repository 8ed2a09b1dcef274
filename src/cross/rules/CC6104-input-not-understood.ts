import { defineRule } from '../../kernel/rule.js';

/**
 * A date, number or URL from outside that credcheck (and usually the SDK) cannot understand: say
 * so, as an error, so that "could not check" never reads as healthy.
 */
export default defineRule({
  code: 'CC6104',
  severity: 'error',
  title: 'An input could not be understood, so what depends on it was not checked',
  priority: 5,
  reads: ['io'],
  check(facts) {
    return (facts.io?.unparsed ?? []).map((u) => ({
      message: `${u.what} is "${u.value}", which could not be understood (${u.why}). ${u.effect}`,
      fix: u.fix,
    }));
  },
});
