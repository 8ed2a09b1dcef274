import type { Check } from './checks.js';
import type { PreflightInputs } from './inputs.js';

/** What preflight gathered and how each check came out; the CC80xx rules turn fail/warn into findings. */
export interface PreflightFacts {
  inputs: PreflightInputs;
  checks: Check[];
}
