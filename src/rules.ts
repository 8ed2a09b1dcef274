import type { Rule } from './kernel/rule.js';
import { GENERATED_RULES } from './rules.generated.js';

/**
 * Every rule: each module in a `rules/` folder (src/areas/<area>/rules/, src/cross/rules/,
 * src/commands/<command>/rules/), listed by scripts/gen-rules.mjs before every compile, so a new
 * rule needs no line here. Findings are shown most severe first and, within a severity, by each
 * rule's declared priority (causes before symptoms); the list's order never decides anything.
 */
export const RULES: readonly Rule[] = GENERATED_RULES;

/**
 * Retired codes and the code that replaced them. Their pages stay (naming the replacement) so
 * old links and `credcheck explain` keep working; a retired code is never reused.
 */
export const RETIRED_CODES: Readonly<Record<string, string>> = {
  CC8004: 'CC3020',
  CC8005: 'CC3021',
  CC8007: 'CC4001',
  CC8008: 'CC3022',
};

/** Internal codes that are not rules but can appear in output. */
export const INTERNAL_CODES = ['CC9001'] as const;
