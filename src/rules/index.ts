import type { Rule } from '../core/rule.js';
import CC1001 from './CC1001-profile-prefix-in-credentials.js';
import CC1002 from './CC1002-bare-section-in-config.js';
import CC1005 from './CC1005-proto-section.js';
// --- chain (CC2xxx)

// --- identity (CC3xxx)

// --- clock (CC4xxx)
import CC4001 from './CC4001-clock-offset.js';
import CC4002 from './CC4002-references-disagree.js';
import CC4003 from './CC4003-no-reference.js';
import CC4004 from './CC4004-ntp-blocked.js';
import CC4005 from './CC4005-ntp-server-refused.js';

// --- imds and container (CC5xxx)

// --- doctor, processes (CC6xxx)

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
  CC4001, CC4003, CC4002, CC4004, CC4005,

  // imds and container

  // doctor, processes

  // watch

  // preflight

];

/** Internal codes that are not rules but can appear in output. */
export const INTERNAL_CODES = ['CC9001'] as const;
