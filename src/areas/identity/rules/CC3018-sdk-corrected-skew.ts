import { defineRule, need } from '../../../kernel/rule.js';
import { skewText } from '../diagnose.js';

/** The SDK flags skew at 240 s (isClockSkewed); AWS rejects at 5 min. */
const SKEW_MS = 240_000;

export default defineRule({
  code: 'CC3018',
  severity: 'warning',
  title: 'The call only worked because the SDK corrected this host\'s clock',
  priority: 920,
  reads: ['identity'],
  check(facts) {
    const f = need(facts, 'identity');
    if (!f?.ok) return [];
    const offset = f.clockOffsetMs ?? f.sdkClockOffsetMs ?? 0;
    if (!f.clockSkewCorrected && Math.abs(offset) < SKEW_MS) return [];
    const how = f.clockSkewCorrected
      ? `the first attempt was rejected for its time and the SDK corrected it (systemClockOffset ${Math.round((f.sdkClockOffsetMs ?? 0) / 1000)} s) before retrying`
      : `the SDK's systemClockOffset is ${Math.round((f.sdkClockOffsetMs ?? 0) / 1000)} s`;
    return [{
      message: `This host is ${skewText(offset)} (AWS Date header ${f.serverDate}, local ${f.localDate}); ${how}. Tools that do not correct skew (the AWS CLI, botocore, many SDK versions, Terraform) will fail here with "Signature expired".`,
      fix: 'Fix the system clock: enable time sync (chronyd or systemd-timesyncd; 169.254.169.123 on EC2, time.aws.com elsewhere; `timedatectl set-ntp true`) and verify with `credcheck clock`.',
      source: 'sts',
    }];
  },
});
