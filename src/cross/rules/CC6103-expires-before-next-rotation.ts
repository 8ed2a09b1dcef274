import { defineRule } from '../../kernel/rule.js';
import { okValue } from '../../kernel/probe.js';
import { formatDuration } from '../../kernel/duration.js';

/** The SSM agent rotates at half-life; keys that expire before the next rotation leave a gap. */
export default defineRule({
  code: 'CC6103',
  severity: 'warning',
  title: 'Credentials expire before the next expected rotation',
  priority: 60,
  reads: ['chain'],
  check(facts) {
    const active = okValue(facts.chain)?.active;
    const next = active?.ssm?.nextRotation;
    if (!active?.expiration || !next) return [];
    const gap = Date.parse(next) - Date.parse(active.expiration);
    if (!(gap > 0)) return [];
    return [{
      message: `The keys in ${active.file ?? 'the shared file'} expire at ${active.expiration}, but the SSM agent's next rotation is expected at ${next}: for ${formatDuration(gap)} every process using the file will get ExpiredToken.`,
      fix: 'Check the agent: `systemctl status amazon-ssm-agent` and /var/log/amazon/ssm/amazon-ssm-agent.log ("Next credential rotation"); restart it to force a rotation (`systemctl restart amazon-ssm-agent`), and check its clock.',
      ...(active.file ? { file: active.file } : {}),
      source: 'chain + SSM runtime config',
    }];
  },
});
