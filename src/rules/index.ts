import type { Rule } from '../core/rule.js';
import CC1001 from './CC1001-profile-prefix-in-credentials.js';
import CC1002 from './CC1002-bare-section-in-config.js';
import CC1005 from './CC1005-proto-section.js';
// --- chain (CC2xxx)

// --- identity (CC3xxx)

// --- clock (CC4xxx)

// --- imds and container (CC5xxx)

// --- doctor, processes (CC6xxx)
import CC6001 from './CC6001-process-predates-rotation.js';
import CC6002 from './CC6002-codedeploy-default-path.js';
import CC6003 from './CC6003-process-env-session-keys.js';
import CC6004 from './CC6004-process-not-inspectable.js';
import CC6005 from './CC6005-process-home-differs.js';

// --- watch (CC7xxx)

// --- preflight (CC8xxx)


/**
 * Every rule, in order of importance within a severity (findings are shown most severe first,
 * then in this order). Add a rule here, a page at docs/findings/CODE.md and a README index line.
 */
export const RULES: readonly Rule[] = [
  // files
  CC1005, CC1001, CC1002,
  // chain

  // identity

  // clock

  // imds and container

  // doctor, processes
  CC6002, CC6001, CC6003, CC6004, CC6005,

  // watch

  // preflight

];

/** Internal codes that are not rules but can appear in output. */
export const INTERNAL_CODES = ['CC9001'] as const;
