import { defineRule, need } from '../../../kernel/rule.js';

export default defineRule({
  code: 'CC4003',
  severity: 'warning',
  title: 'No time reference answered',
  priority: 100,
  reads: ['clock'],
  check(facts) {
    const f = need(facts, 'clock');
    if (f.offsetMs !== undefined) return [];
    const why = f.references.filter((r) => r.kind !== 'daemon' && r.error).map((r) => `${r.server}: ${r.error!.kind}`).join('; ');
    return [
      {
        message: `Neither NTP nor the AWS Date header answered, so the clock could not be checked${f.ntpAllSilent ? ' (every NTP server stayed silent: UDP port 123 looks blocked)' : ''}. ${why ? `(${why})` : ''}`.trim(),
        fix: 'Allow outbound UDP 123 to your NTP servers (169.254.169.123 on EC2, time.aws.com) or name a reachable one with --server; allow HTTPS to the STS endpoint or pass a reachable one with --sts-endpoint.',
      },
    ];
  },
});
