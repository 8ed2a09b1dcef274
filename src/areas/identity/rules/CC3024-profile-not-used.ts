import { defineRule } from '../../../kernel/rule.js';
import { okValue } from '../../../kernel/probe.js';

/**
 * `--profile proc` (or AWS_PROFILE) names a profile, yet the credentials carry none of the $source
 * flags fromIni sets: the profile failed (a credential_process exiting non-zero, a dangling
 * source_profile) and the SDK's chain moved on silently, here to whatever came next (IMDS, the
 * container). The identity shown is real, but it is not the profile's.
 */
export default defineRule({
  code: 'CC3024',
  severity: 'error',
  title: 'The selected profile did not supply the credentials',
  priority: 690,
  reads: ['identity'],
  check(facts) {
    const f = okValue(facts.identity);
    if (!f?.profileNotUsed) return [];
    return [{
      message: `Profile "${f.profile}" was selected, but the credentials STS saw came from ${f.credentials?.source && f.credentials.source !== 'unknown' ? f.credentials.source : 'another source of the chain (not the profile)'}: the profile failed and the SDK fell through without saying so. The identity above is not the profile's.`,
      fix: `Run "credcheck chain --profile ${f.profile}" to see why the profile failed (its credential_process, source_profile or SSO session), and fix that.`,
      profile: f.profile,
    }];
  },
});
