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
import CC8001 from './CC8001-no-credentials.js';
import CC8002 from './CC8002-identity-invalid.js';
import CC8003 from './CC8003-ttl-too-short.js';
import CC8004 from './CC8004-wrong-account.js';
import CC8005 from './CC8005-arn-mismatch.js';
import CC8006 from './CC8006-long-term-keys.js';
import CC8007 from './CC8007-clock-skew.js';
import CC8008 from './CC8008-region-missing.js';
import CC8009 from './CC8009-web-identity-token.js';


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
  CC8001, CC8002, CC8003, CC8004, CC8005, CC8006, CC8007, CC8008, CC8009,

];

/** Internal codes that are not rules but can appear in output. */
export const INTERNAL_CODES = ['CC9001'] as const;
