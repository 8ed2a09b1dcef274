import { defineRule } from '../../../kernel/rule.js';
import { checkHits } from './helpers.js';

export default defineRule({
  code: 'CC8009',
  severity: 'error',
  title: 'Web identity token unusable for the job',
  priority: 1040,
  reads: ['preflight'],
  check: (facts) => checkHits(facts, 'web-identity', 'Make the token file hold a fresh OIDC token for the whole job: request the token late (GitLab id_tokens, GitHub id-token: write) and keep the role session at least as long as the job, or let the platform rotate the file (EKS does).'),
});
