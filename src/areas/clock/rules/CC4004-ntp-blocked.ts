import { defineRule, need } from '../../../kernel/rule.js';

export default defineRule({
  code: 'CC4004',
  severity: 'info',
  title: 'NTP looks blocked',
  priority: 120,
  reads: ['clock'],
  check(facts) {
    const f = need(facts, 'clock');
    // When nothing answered at all, CC4003 says it (with this reason); avoid saying it twice.
    if (!f.ntpAllSilent || f.offsetMs === undefined) return [];
    return [
      {
        message: `No NTP server answered (${f.ntpServers.join(', ')}): outbound UDP port 123 looks blocked. The clock was measured by ${f.basis} only, at 1-second resolution refined by timing.`,
        fix: 'Allow outbound UDP 123 to your time servers (on EC2, 169.254.169.123 needs no internet access), or name a reachable server with --server or CREDCHECK_NTP_SERVERS.',
      },
    ];
  },
});
