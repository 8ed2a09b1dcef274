import { defineRule, need } from '../../../kernel/rule.js';
import { skewText } from '../diagnose.js';

/** AWS rejects signatures more than 5 minutes off: only then did the call need the correction. */
const REJECTED_MS = 300_000;

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
    // "Only worked because" must be true: a rejected first attempt, or a retry at an offset AWS rejects.
    if (!f.clockSkewCorrected && !((f.attempts ?? 1) > 1 && Math.abs(offset) >= REJECTED_MS)) return [];
    // Quoted in the SDK's own sign (AWS − local), the number its systemClockOffset holds.
    const systemClockOffset = Math.round(-(f.sdkClockOffsetMs ?? 0) / 1000) || 0;
    const how = f.clockSkewCorrected
      ? `the first attempt was rejected for its time and the SDK corrected it (systemClockOffset ${systemClockOffset} s) before retrying`
      : `the SDK's systemClockOffset is ${systemClockOffset} s`;
    return [{
      message: `This host is ${skewText(offset)} (AWS Date header ${f.serverDate}, local ${f.localDate}); ${how}. Tools that do not correct skew (the AWS CLI, botocore, many SDK versions, Terraform) will fail here with "Signature expired".`,
      fix: 'Fix the system clock: enable time sync (chronyd or systemd-timesyncd; 169.254.169.123 on EC2, time.aws.com elsewhere; `timedatectl set-ntp true`) and verify with `credcheck clock`.',
      source: 'sts',
    }];
  },
});
