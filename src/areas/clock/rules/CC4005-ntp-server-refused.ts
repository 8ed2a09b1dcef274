import { defineRule, need } from '../../../kernel/rule.js';

export default defineRule({
  code: 'CC4005',
  severity: 'info',
  title: 'An NTP server refused or is not synchronised',
  priority: 130,
  reads: ['clock'],
  check(facts) {
    const f = need(facts, 'clock');
    return f.references
      .filter((r) => r.kind === 'ntp' && (r.error?.kind === 'kiss-of-death' || r.error?.kind === 'unsynchronised'))
      .map((r) => ({
        message: `${r.server}: ${r.error!.message}.`,
        fix:
          r.error!.kind === 'kiss-of-death'
            ? `Stop polling ${r.server} so often or from this address (${r.kissCode ?? 'KoD'}); use your own or Amazon's time servers (169.254.169.123 on EC2, time.aws.com).`
            : `Do not sync from ${r.server} until it is synchronised itself; use 169.254.169.123 (EC2) or time.aws.com.`,
        source: r.server,
      }));
  },
});
