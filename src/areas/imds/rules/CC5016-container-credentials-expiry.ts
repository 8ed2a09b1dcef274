import { defineRule, need } from '../../../kernel/rule.js';
import { formatDuration } from '../../../kernel/duration.js';
import { ROTATION_LEAD_S, secondsUntil } from '../classify.js';

export default defineRule({
  code: 'CC5016',
  severity: 'warning',
  title: 'Container credentials expired or about to',
  priority: 250,
  reads: ['imds'],
  check(facts) {
    const c = need(facts, 'imds').container;
    const left = secondsUntil(c?.credentials?.expiration, facts.now);
    if (!c || c.step?.status !== 'ok' || left === undefined || left >= ROTATION_LEAD_S) return [];
    return [{
      severity: left <= 0 ? 'error' : 'warning',
      message: `The container endpoint serves credentials (${c.credentials?.accessKeyId}) that ${left <= 0 ? `expired ${formatDuration(-left * 1000)} ago` : `expire in ${formatDuration(left * 1000)}`} (${c.credentials?.expiration}).`,
      fix: 'The agent should refresh them well before expiry: restart the task/pod; on ECS check the agent logs (/var/log/ecs/ecs-agent.log), on EKS the eks-pod-identity-agent pod logs.',
    }];
  },
});
