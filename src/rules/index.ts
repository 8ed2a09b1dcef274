import type { Rule } from '../core/rule.js';
import CC1001 from './CC1001-profile-prefix-in-credentials.js';
import CC1002 from './CC1002-bare-section-in-config.js';
import CC1005 from './CC1005-proto-section.js';
// --- chain (CC2xxx)

// --- identity (CC3xxx)
import CC3001 from './CC3001-expired-token.js';
import CC3002 from './CC3002-unknown-key.js';
import CC3003 from './CC3003-temporary-key-without-token.js';
import CC3004 from './CC3004-global-token-opt-in-region.js';
import CC3005 from './CC3005-wrong-secret.js';
import CC3006 from './CC3006-clock-rejected.js';
import CC3007 from './CC3007-region-disabled.js';
import CC3008 from './CC3008-throttled.js';
import CC3009 from './CC3009-sts-server-error.js';
import CC3010 from './CC3010-dns-failure.js';
import CC3011 from './CC3011-connection-refused.js';
import CC3012 from './CC3012-timeout.js';
import CC3013 from './CC3013-tls-untrusted.js';
import CC3014 from './CC3014-proxy-failure.js';
import CC3015 from './CC3015-no-credentials.js';
import CC3016 from './CC3016-unexpected-answer.js';
import CC3017 from './CC3017-root-credentials.js';
import CC3018 from './CC3018-sdk-corrected-skew.js';
import CC3019 from './CC3019-proxy-not-used-by-sdk.js';
import CC3020 from './CC3020-unexpected-account.js';
import CC3021 from './CC3021-unexpected-arn.js';
import CC3022 from './CC3022-no-region.js';
import CC3023 from './CC3023-default-region-ignored.js';

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

  // identity
  CC3015, CC3014, CC3013, CC3010, CC3011, CC3012, CC3001, CC3003, CC3004, CC3002, CC3006, CC3005, CC3007, CC3009, CC3016, CC3008, CC3020, CC3021, CC3017, CC3018, CC3019, CC3022, CC3023,

  // clock

  // imds and container

  // doctor, processes

  // watch

  // preflight

];

/** Internal codes that are not rules but can appear in output. */
export const INTERNAL_CODES = ['CC9001'] as const;
