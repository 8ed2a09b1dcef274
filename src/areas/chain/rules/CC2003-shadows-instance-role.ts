import { defineRule, need } from '../../../kernel/rule.js';
import { describeSource } from './helpers.js';

export default defineRule({
  code: 'CC2003',
  severity: 'warning',
  title: 'An earlier link shadows the instance or container role',
  priority: 720,
  reads: ['chain'],
  check(facts) {
    const chain = need(facts, 'chain');
    if (!chain.active) return [];
    return chain.links
      .filter((l) => (l.source === 'imds' || l.source === 'container') && l.status === 'shadowed')
      .map((l) => ({
        message: `${l.source === 'imds' ? 'The instance profile (IMDS)' : 'The container credentials endpoint'} answers with ${l.accessKeyId}, but the SDK never gets there: ${describeSource(chain)} wins first${chain.active?.ssm ? ' (this is the file the SSM agent shares — it shadows the instance role for every process that reads it)' : ''}.`,
        fix: chain.active?.source === 'env'
          ? 'Unset AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) so the role credentials are used, unless the override is intended.'
          : chain.active?.ssm
            ? 'Set Profile.ShareCreds to false in /etc/amazon/ssm/amazon-ssm-agent.json (or ShareProfile to a non-default profile) and restart the agent, or remove the shared profile.'
            : `Remove or rename profile "${chain.active?.profile ?? chain.profile.name}" (or its keys) on this host so the role credentials are used, unless the override is intended.`,
        source: l.source,
      }));
  },
});
