import { defineRule, need } from '../../../kernel/rule.js';
import { label, usesEnvKeys } from './helpers.js';

/** Seed 3 seen from the failing process: keys in its environment can never be refreshed. */
export default defineRule({
  code: 'CC6003',
  severity: 'warning',
  title: 'Process runs on session keys fixed in its environment',
  priority: 50,
  reads: ['processes'],
  check(facts) {
    return need(facts, 'processes').processes.flatMap((p) => {
      if (!usesEnvKeys(p) || !p.env.some((v) => v.name === 'AWS_SESSION_TOKEN')) return [];
      const expiry = p.env.find((v) => v.name === 'AWS_CREDENTIAL_EXPIRATION' || v.name === 'AWS_SESSION_EXPIRATION');
      const expired = expiry && Date.parse(expiry.value) <= Date.parse(facts.now);
      return [{
        severity: expired ? 'error' as const : 'warning' as const,
        message: `${label(p)} has AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN in its environment. Temporary keys given this way are never refreshed: the process fails with ExpiredToken when they expire${expiry ? ` (${expiry.name}=${expiry.value}${expired ? ', already past' : ''})` : ' (no expiry recorded, so nothing warns before)'}. A process's environment cannot change after it starts.`,
        fix: 'Start the process with a profile that refreshes instead (role_arn + source_profile, credential_process, web_identity_token_file, or the instance/container role), and do not export AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN to it. If it must use them, restart it with fresh keys before they expire.',
        source: `pid ${p.pid}`,
      }];
    });
  },
});
