import type { Rule } from '../core/rule.js';
import CC1001 from './CC1001-profile-prefix-in-credentials.js';
import CC1002 from './CC1002-bare-section-in-config.js';
import CC1005 from './CC1005-proto-section.js';
import CC1003 from './CC1003-malformed-section-header.js';
import CC1004 from './CC1004-profile-default-replaces-default.js';
import CC1006 from './CC1006-key-wrong-case.js';
import CC1007 from './CC1007-key-typo.js';
import CC1008 from './CC1008-line-without-equals.js';
import CC1009 from './CC1009-key-before-section.js';
import CC1010 from './CC1010-quoted-value.js';
import CC1011 from './CC1011-comment-char-in-value.js';
import CC1012 from './CC1012-key-pair-incomplete.js';
import CC1013 from './CC1013-temporary-key-without-token.js';
import CC1014 from './CC1014-long-term-key-with-token.js';
import CC1015 from './CC1015-key-id-malformed.js';
import CC1016 from './CC1016-secret-inner-whitespace.js';
import CC1017 from './CC1017-stale-security-token.js';
import CC1018 from './CC1018-dangling-reference.js';
import CC1019 from './CC1019-source-profile-cycle.js';
import CC1020 from './CC1020-source-profile-and-credential-source.js';
import CC1021 from './CC1021-unknown-credential-source.js';
import CC1022 from './CC1022-token-file-missing.js';
import CC1023 from './CC1023-credential-process-missing.js';
import CC1024 from './CC1024-file-missing.js';
import CC1025 from './CC1025-file-empty.js';
import CC1026 from './CC1026-not-regular-file.js';
import CC1027 from './CC1027-file-too-large.js';
import CC1028 from './CC1028-not-utf8.js';
import CC1029 from './CC1029-file-unreadable.js';
import CC1030 from './CC1030-credentials-permissions.js';
import CC1031 from './CC1031-sudo-home.js';
import CC1032 from './CC1032-profile-expired.js';
import CC1033 from './CC1033-expiry-unparseable.js';
import CC1034 from './CC1034-selected-profile-missing.js';
import CC1035 from './CC1035-duplicate-key.js';
// --- chain (CC2xxx)
import CC2001 from './CC2001-aws-profile-skips-env-keys.js';
import CC2002 from './CC2002-exported-temporary-keys.js';
import CC2003 from './CC2003-shadows-instance-role.js';
import CC2004 from './CC2004-active-credentials-expiring.js';
import CC2005 from './CC2005-link-failed-silently.js';
import CC2006 from './CC2006-no-credentials.js';
import CC2099 from './CC2099-chain-model-disagrees.js';

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
import CC4001 from './CC4001-clock-offset.js';
import CC4002 from './CC4002-references-disagree.js';
import CC4003 from './CC4003-no-reference.js';
import CC4004 from './CC4004-ntp-blocked.js';
import CC4005 from './CC4005-ntp-server-refused.js';

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
import CC6001 from './CC6001-process-predates-rotation.js';
import CC6002 from './CC6002-codedeploy-default-path.js';
import CC6003 from './CC6003-process-env-session-keys.js';
import CC6004 from './CC6004-process-not-inspectable.js';
import CC6005 from './CC6005-process-home-differs.js';
import CC6101 from './CC6101-expired-token-clock-behind.js';
import CC6102 from './CC6102-file-valid-process-stale.js';
import CC6103 from './CC6103-expires-before-next-rotation.js';

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
  // Causes before symptoms: findings are shown most severe first and, within a severity, in this
  // order, so a cross-area diagnosis or a wrong clock comes before the STS error it explains.
  // doctor, processes
  CC6101, CC6102, CC6002, CC6001, CC6003, CC6103, CC6004, CC6005,
  // clock
  CC4001, CC4003, CC4002, CC4004, CC4005,
  // imds and container
  CC5017, CC5003, CC5007, CC5008, CC5010, CC5015, CC5002, CC5012, CC5013, CC5009, CC5011, CC5016, CC5004, CC5014, CC5005, CC5006, CC5001,
  // files
  CC1026, CC1027, CC1029, CC1024, CC1025, CC1028, CC1005, CC1034, CC1001, CC1002, CC1003, CC1004,
  CC1009, CC1006, CC1007, CC1008, CC1010, CC1011, CC1012, CC1013, CC1014, CC1015, CC1016, CC1017,
  CC1018, CC1019, CC1020, CC1021, CC1022, CC1023, CC1032, CC1033, CC1035, CC1030, CC1031,
  // chain
  CC2099, CC2006, CC2004, CC2005, CC2001, CC2002, CC2003,
  // identity
  CC3015, CC3014, CC3013, CC3010, CC3011, CC3012, CC3001, CC3003, CC3004, CC3002, CC3006, CC3005, CC3007, CC3009, CC3016, CC3008, CC3020, CC3021, CC3017, CC3018, CC3019, CC3022, CC3023,
  // watch

  // preflight
  CC8001, CC8002, CC8003, CC8004, CC8005, CC8006, CC8007, CC8008, CC8009,
];

/** Internal codes that are not rules but can appear in output. */
export const INTERNAL_CODES = ['CC9001'] as const;
