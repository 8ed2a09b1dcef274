import type { Rule } from '../core/rule.js';
import CC1001 from './CC1001-profile-prefix-in-credentials.js';
import CC1002 from './CC1002-bare-section-in-config.js';
import CC1005 from './CC1005-proto-section.js';
// --- chain (CC2xxx)

// --- identity (CC3xxx)

// --- clock (CC4xxx)

// --- imds and container (CC5xxx)
import CC5001 from './CC5001-imds-not-reachable.js';
import CC5002 from './CC5002-imds-hop-limit.js';
import CC5003 from './CC5003-imds-v1-fallback-blocked.js';
import CC5004 from './CC5004-imds-token-refused.js';
import CC5005 from './CC5005-imds-v2-required.js';
import CC5006 from './CC5006-imds-v1-enabled.js';
import CC5007 from './CC5007-imds-disabled.js';
import CC5008 from './CC5008-imds-no-instance-profile.js';
import CC5009 from './CC5009-imds-throttled.js';
import CC5010 from './CC5010-imds-role-credentials-failed.js';
import CC5011 from './CC5011-imds-credentials-expiry.js';
import CC5012 from './CC5012-imds-invalid-answer.js';
import CC5013 from './CC5013-imds-slow.js';
import CC5014 from './CC5014-imds-proxy.js';
import CC5015 from './CC5015-container-endpoint.js';
import CC5016 from './CC5016-container-credentials-expiry.js';
import CC5017 from './CC5017-imds-sdk-settings.js';

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

  // imds and container
  CC5017, CC5003, CC5007, CC5008, CC5010, CC5015, CC5002, CC5012, CC5013, CC5009, CC5011, CC5016, CC5004, CC5014, CC5005, CC5006, CC5001,

  // doctor, processes

  // watch

  // preflight

];

/** Internal codes that are not rules but can appear in output. */
export const INTERNAL_CODES = ['CC9001'] as const;
