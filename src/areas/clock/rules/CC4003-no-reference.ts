import { defineRule, need } from '../../../kernel/rule.js';
import type { ClockReference } from '../facts.js';

/** One step per reason seen: a name that does not resolve is a DNS fix, not a firewall one. */
function fixFor(refs: ClockReference[]): string {
  const failed = refs.filter((r) => r.kind !== 'daemon' && r.error);
  const steps: string[] = [];
  const dns = failed.filter((r) => r.kind === 'ntp' && r.error!.kind === 'dns').map((r) => r.server);
  if (dns.length) steps.push(`${dns.join(', ')} ${dns.length === 1 ? 'does' : 'do'} not resolve: fix the name (or DNS), or name a time server that resolves with --server`);
  if (failed.some((r) => r.kind === 'ntp' && r.error!.kind === 'timeout')) steps.push('allow outbound UDP 123 to your NTP servers (169.254.169.123 on EC2, time.aws.com) or name a reachable one with --server');
  const aws = failed.find((r) => r.kind === 'aws-date');
  if (aws) steps.push(`make the STS endpoint ${aws.server} reachable over HTTPS, or pass a reachable one with --sts-endpoint`);
  if (steps.length === 0) steps.push('name a reachable time server with --server');
  const text = steps.join('; ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

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
        fix: fixFor(f.references),
      },
    ];
  },
});
