import type { Rule } from '../core/rule.js';
import CC1001 from './CC1001-profile-prefix-in-credentials.js';
import CC1002 from './CC1002-bare-section-in-config.js';
import CC1005 from './CC1005-proto-section.js';
// --- chain (CC2xxx)
import CC2001 from './CC2001-aws-profile-skips-env-keys.js';
import CC2002 from './CC2002-exported-temporary-keys.js';
import CC2003 from './CC2003-shadows-instance-role.js';
import CC2004 from './CC2004-active-credentials-expiring.js';
import CC2005 from './CC2005-link-failed-silently.js';
import CC2006 from './CC2006-no-credentials.js';
import CC2099 from './CC2099-chain-model-disagrees.js';

// --- identity (CC3xxx)

// --- clock (CC4xxx)

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
  CC2099, CC2006, CC2004, CC2005, CC2001, CC2002, CC2003,

  // identity

  // clock

  // imds and container

  // doctor, processes

  // watch

  // preflight

];

/** Internal codes that are not rules but can appear in output. */
export const INTERNAL_CODES = ['CC9001'] as const;
