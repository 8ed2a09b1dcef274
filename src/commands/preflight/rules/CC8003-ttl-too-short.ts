import { defineRule } from '../../../kernel/rule.js';
import { checkHits } from './helpers.js';

export default defineRule({
  code: 'CC8003',
  severity: 'error',
  title: 'Credentials expire before the job ends',
  priority: 980,
  reads: ['preflight'],
  check: (facts) => checkHits(facts, 'ttl', "Request a longer session (role-duration-seconds in configure-aws-credentials, --duration-seconds for assume-role; raise the role's MaxSessionDuration), use a refreshing source (a profile with role_arn, web identity) instead of exported keys, or export AWS_CREDENTIAL_EXPIRATION with the keys so the expiry is known."),
});
