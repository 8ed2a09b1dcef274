import { defineRule, need } from '../../../kernel/rule.js';
import { formatDuration } from '../../../kernel/duration.js';
import { ROTATION_LEAD_S, secondsUntil } from '../classify.js';

export default defineRule({
  code: 'CC5011',
  severity: 'warning',
  title: 'Instance role credentials expired or not rotated in time',
  priority: 240,
  reads: ['imds'],
  check(facts) {
    const f = need(facts, 'imds');
    const c = f.credentials;
    const left = secondsUntil(c?.expiration, facts.now);
    if (c?.code !== 'Success' || left === undefined || left >= ROTATION_LEAD_S) return [];
    const expired = left <= 0;
    return [{
      severity: expired ? 'error' : 'warning',
      message: expired
        ? `IMDS still serves credentials for role "${f.role}" (${c.accessKeyId}) that expired ${formatDuration(-left * 1000)} ago (Expiration ${c.expiration}, LastUpdated ${c.lastUpdated}). The JavaScript SDK extends them 5–10 min and warns; AWS rejects them with ExpiredToken.`
        : `Credentials for role "${f.role}" (${c.accessKeyId}) expire in ${formatDuration(left * 1000)} (${c.expiration}): AWS publishes new ones at least 5 minutes before expiry, so rotation is late.`,
      fix: 'Re-run in a minute; if it persists, the instance cannot refresh its role: check the instance profile association (aws ec2 describe-iam-instance-profile-associations), the role trust policy, and the instance clock (credcheck clock). Stop/start the instance as a last resort.',
    }];
  },
});
