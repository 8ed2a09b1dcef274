import { defineRule } from '../../../kernel/rule.js';
import { checkHits } from './helpers.js';
import { okValue } from '../../../kernel/probe.js';
import { switchToRefreshing } from '../../../areas/chain/rules/helpers.js';

export default defineRule({
  code: 'CC8003',
  severity: 'error',
  title: 'Credentials expire before the job ends',
  check(facts) {
    const creds = facts.preflight?.inputs.credentials;
    const refreshing = creds && !creds.refreshable ? switchToRefreshing(okValue(facts.chain)) : undefined;
    return checkHits(facts, 'ttl', refreshing
      ? `The job outlives these keys: ${refreshing}; or request a longer session (--duration-seconds, role-duration-seconds in configure-aws-credentials).`
      : "Request a longer session (role-duration-seconds in configure-aws-credentials, --duration-seconds for assume-role; raise the role's MaxSessionDuration), use a refreshing source (a profile with role_arn, web identity) instead of exported keys, or export AWS_CREDENTIAL_EXPIRATION with the keys so the expiry is known.");
  },
});
