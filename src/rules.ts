import type { Rule } from './kernel/rule.js';
import CC1001 from './areas/files/rules/CC1001-profile-prefix-in-credentials.js';
import CC1002 from './areas/files/rules/CC1002-bare-section-in-config.js';
import CC1005 from './areas/files/rules/CC1005-proto-section.js';
import CC1003 from './areas/files/rules/CC1003-malformed-section-header.js';
import CC1004 from './areas/files/rules/CC1004-profile-default-replaces-default.js';
import CC1006 from './areas/files/rules/CC1006-key-wrong-case.js';
import CC1007 from './areas/files/rules/CC1007-key-typo.js';
import CC1008 from './areas/files/rules/CC1008-line-without-equals.js';
import CC1009 from './areas/files/rules/CC1009-key-before-section.js';
import CC1010 from './areas/files/rules/CC1010-quoted-value.js';
import CC1011 from './areas/files/rules/CC1011-comment-char-in-value.js';
import CC1012 from './areas/files/rules/CC1012-key-pair-incomplete.js';
import CC1013 from './areas/files/rules/CC1013-temporary-key-without-token.js';
import CC1014 from './areas/files/rules/CC1014-long-term-key-with-token.js';
import CC1015 from './areas/files/rules/CC1015-key-id-malformed.js';
import CC1016 from './areas/files/rules/CC1016-secret-inner-whitespace.js';
import CC1017 from './areas/files/rules/CC1017-stale-security-token.js';
import CC1018 from './areas/files/rules/CC1018-dangling-reference.js';
import CC1019 from './areas/files/rules/CC1019-source-profile-cycle.js';
import CC1020 from './areas/files/rules/CC1020-source-profile-and-credential-source.js';
import CC1021 from './areas/files/rules/CC1021-unknown-credential-source.js';
import CC1022 from './areas/files/rules/CC1022-token-file-missing.js';
import CC1023 from './areas/files/rules/CC1023-credential-process-missing.js';
import CC1024 from './areas/files/rules/CC1024-file-missing.js';
import CC1025 from './areas/files/rules/CC1025-file-empty.js';
import CC1026 from './areas/files/rules/CC1026-not-regular-file.js';
import CC1027 from './areas/files/rules/CC1027-file-too-large.js';
import CC1028 from './areas/files/rules/CC1028-not-utf8.js';
import CC1029 from './areas/files/rules/CC1029-file-unreadable.js';
import CC1030 from './areas/files/rules/CC1030-credentials-permissions.js';
import CC1031 from './areas/files/rules/CC1031-sudo-home.js';
import CC1032 from './areas/files/rules/CC1032-profile-expired.js';
import CC1033 from './areas/files/rules/CC1033-expiry-unparseable.js';
import CC1034 from './areas/files/rules/CC1034-selected-profile-missing.js';
import CC1035 from './areas/files/rules/CC1035-duplicate-key.js';
import CC1036 from './areas/files/rules/CC1036-sdk-file-refused.js';
import CC1037 from './areas/files/rules/CC1037-sso-token-needs-refresh.js';
import CC1038 from './areas/files/rules/CC1038-write-refused.js';
import CC1039 from './areas/files/rules/CC1039-sdks-read-differently.js';
// --- chain (CC2xxx)
import CC2001 from './areas/chain/rules/CC2001-aws-profile-skips-env-keys.js';
import CC2002 from './areas/chain/rules/CC2002-exported-temporary-keys.js';
import CC2003 from './areas/chain/rules/CC2003-shadows-instance-role.js';
import CC2004 from './areas/chain/rules/CC2004-active-credentials-expiring.js';
import CC2005 from './areas/chain/rules/CC2005-link-failed-silently.js';
import CC2006 from './areas/chain/rules/CC2006-no-credentials.js';
import CC2007 from './areas/chain/rules/CC2007-sso-login-needed.js';
import CC2099 from './areas/chain/rules/CC2099-chain-model-disagrees.js';

// --- identity (CC3xxx)
import stsErrors from './areas/identity/rules/sts-errors.js';
import CC3017 from './areas/identity/rules/CC3017-root-credentials.js';
import CC3018 from './areas/identity/rules/CC3018-sdk-corrected-skew.js';
import CC3019 from './areas/identity/rules/CC3019-proxy-not-used-by-sdk.js';
import CC3020 from './areas/identity/rules/CC3020-unexpected-account.js';
import CC3021 from './areas/identity/rules/CC3021-unexpected-arn.js';
import CC3022 from './areas/identity/rules/CC3022-no-region.js';
import CC3023 from './areas/identity/rules/CC3023-default-region-ignored.js';
import CC3024 from './areas/identity/rules/CC3024-profile-not-used.js';

// --- clock (CC4xxx)
import CC4001 from './areas/clock/rules/CC4001-clock-offset.js';
import CC4002 from './areas/clock/rules/CC4002-references-disagree.js';
import CC4003 from './areas/clock/rules/CC4003-no-reference.js';
import CC4004 from './areas/clock/rules/CC4004-ntp-blocked.js';
import CC4005 from './areas/clock/rules/CC4005-ntp-server-refused.js';

// --- imds and container (CC5xxx)
import CC5001 from './areas/imds/rules/CC5001-imds-not-reachable.js';
import CC5002 from './areas/imds/rules/CC5002-imds-hop-limit.js';
import CC5003 from './areas/imds/rules/CC5003-imds-v1-fallback-blocked.js';
import CC5004 from './areas/imds/rules/CC5004-imds-token-refused.js';
import CC5005 from './areas/imds/rules/CC5005-imds-v2-required.js';
import CC5006 from './areas/imds/rules/CC5006-imds-v1-enabled.js';
import CC5007 from './areas/imds/rules/CC5007-imds-disabled.js';
import CC5008 from './areas/imds/rules/CC5008-imds-no-instance-profile.js';
import CC5009 from './areas/imds/rules/CC5009-imds-throttled.js';
import CC5010 from './areas/imds/rules/CC5010-imds-role-credentials-failed.js';
import CC5011 from './areas/imds/rules/CC5011-imds-credentials-expiry.js';
import CC5012 from './areas/imds/rules/CC5012-imds-invalid-answer.js';
import CC5013 from './areas/imds/rules/CC5013-imds-slow.js';
import CC5014 from './areas/imds/rules/CC5014-imds-proxy.js';
import CC5015 from './areas/imds/rules/CC5015-container-endpoint.js';
import CC5016 from './areas/imds/rules/CC5016-container-credentials-expiry.js';
import CC5017 from './areas/imds/rules/CC5017-imds-sdk-settings.js';

// --- doctor, processes (CC6xxx)
import CC6001 from './areas/processes/rules/CC6001-process-predates-rotation.js';
import CC6002 from './areas/processes/rules/CC6002-codedeploy-default-path.js';
import CC6003 from './areas/processes/rules/CC6003-process-env-session-keys.js';
import CC6004 from './areas/processes/rules/CC6004-process-not-inspectable.js';
import CC6005 from './areas/processes/rules/CC6005-process-home-differs.js';
import CC6006 from './areas/processes/rules/CC6006-process-sdk.js';
import CC6007 from './areas/processes/rules/CC6007-processes-not-inspectable.js';
import CC6101 from './cross/rules/CC6101-expired-token-clock-behind.js';
import CC6102 from './cross/rules/CC6102-file-valid-process-stale.js';
import CC6103 from './cross/rules/CC6103-expires-before-next-rotation.js';
import CC6104 from './cross/rules/CC6104-input-not-understood.js';

// --- watch (CC7xxx)

// --- preflight (CC8xxx)
import preflightChecks from './commands/preflight/rules/preflight-checks.js';


/**
 * Every rule, in order of importance within a severity (findings are shown most severe first,
 * then in this order). Add a rule here, a page at docs/findings/CODE.md and a README index line.
 */
export const RULES: readonly Rule[] = [
  // Causes before symptoms: findings are shown most severe first and, within a severity, in this
  // order, so a cross-area diagnosis or a wrong clock comes before the STS error it explains.
  // doctor, processes
  CC6104, CC6101, CC6102, CC6002, CC6001, CC6003, CC6103, CC6004, CC6005, CC6007, CC6006,
  // clock
  CC4001, CC4003, CC4002, CC4004, CC4005,
  // imds and container
  CC5017, CC5003, CC5007, CC5008, CC5010, CC5015, CC5002, CC5012, CC5013, CC5009, CC5011, CC5016, CC5004, CC5014, CC5005, CC5006, CC5001,
  // files
  // A header the SDK drops or renames is the cause of "the selected profile does not exist".
  CC1026, CC1027, CC1029, CC1024, CC1025, CC1028, CC1005, CC1001, CC1002, CC1003, CC1004, CC1034,
  CC1009, CC1006, CC1007, CC1008, CC1010, CC1011, CC1012, CC1013, CC1014, CC1015, CC1016, CC1017,
  CC1018, CC1019, CC1020, CC1021, CC1022, CC1023, CC1032, CC1033, CC1035, CC1036, CC1037, CC1038, CC1039, CC1030, CC1031,
  // chain
  CC2007, CC2099, CC2006, CC2004, CC2005, CC2001, CC2002, CC2003,
  // identity
  stsErrors, CC3024, CC3020, CC3021, CC3017, CC3018, CC3019, CC3022, CC3023,
  // watch

  // preflight
  preflightChecks,
];

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
