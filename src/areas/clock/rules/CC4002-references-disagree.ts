import { defineRule, need } from '../../../kernel/rule.js';

import { formatDuration } from '../../../kernel/duration.js';
import { REFERENCES_AGREE_SLACK_MS } from '../words.js';

export default defineRule({
  code: 'CC4002',
  severity: 'warning',
  title: 'NTP and the AWS Date header disagree',
  priority: 110,
  reads: ['clock'],
  check(facts) {
    const f = need(facts, 'clock');
    const ok = (r: (typeof f.references)[number]) => r.offsetMs !== undefined && r.uncertaintyMs !== undefined && !r.error;
    const ntp = f.references.filter((r) => r.kind === 'ntp' && ok(r)).sort((a, b) => a.uncertaintyMs! - b.uncertaintyMs!)[0];
    const aws = f.references.find((r) => r.kind === 'aws-date' && ok(r));
    if (!ntp || !aws) return [];
    const gap = Math.abs(ntp.offsetMs! - aws.offsetMs!);
    if (gap <= ntp.uncertaintyMs! + aws.uncertaintyMs! + REFERENCES_AGREE_SLACK_MS) return [];
    return [
      {
        message: `${ntp.name} puts this clock at ${ntp.offsetMs} ms ± ${ntp.uncertaintyMs}, the Date header of ${aws.server} at ${aws.offsetMs} ms ± ${aws.uncertaintyMs}: they differ by ${formatDuration(gap)}. One of them is not telling true time (a wrong internal NTP server, or a proxy or endpoint rewriting Date).`,
        fix: 'Trust the AWS Date header for signing: point time sync at Amazon Time Sync (169.254.169.123 on EC2) or time.aws.com, and check the NTP server named here. If the endpoint is a proxy or an emulator, pass the real one with --sts-endpoint.',
      },
    ];
  },
});
