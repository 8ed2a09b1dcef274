import { defineRule } from '../../../kernel/rule.js';
import { okValue } from '../../../kernel/probe.js';

/**
 * fromSso (token-providers) refreshes a cached SSO token inside 5 minutes of expiry and rewrites
 * ~/.aws/sso/cache/<sha1>.json. credcheck never writes, so it never refreshes: a token that is
 * already expired is reported here, and the SSO result shown is the one without a refresh.
 */
export default defineRule({
  code: 'CC1037',
  severity: 'warning',
  title: 'SSO token expired: the SDK would refresh it, credcheck does not',
  priority: 560,
  reads: ['files'],
  check(facts) {
    const files = okValue(facts.files);
    const now = Date.parse(facts.now);
    return (files?.ssoCache ?? [])
      .filter((e) => e.status === 'invalid-json' || (e.status === 'ok' && e.refreshDue && !(e.expiresAt && Date.parse(e.expiresAt) > now)))
      .map((e) => {
        if (e.status === 'invalid-json' || !e.expiresAt) {
          return {
            severity: 'error' as const,
            message: `The SSO token cache for "${e.id}" (${e.path}) could not be understood (${e.status === 'invalid-json' ? 'not a JSON object' : 'no valid expiresAt'}): the SDK cannot use it and credcheck could not check the SSO session.`,
            fix: `Run "aws sso login${e.id.includes('://') ? '' : ` --sso-session ${e.id}`}" to write a fresh token cache.`,
            file: e.path,
          };
        }
        return {
          ...(e.refreshable ? {} : { severity: 'error' as const }),
          message: `The SSO access token for "${e.id}" expired at ${e.expiresAt}. ${e.refreshable ? `The SDK would refresh it with the cached refresh token and rewrite ${e.path}; credcheck never writes, so it did not, and the SSO results shown are without that refresh.` : 'The cache holds no refresh token, so no SDK can renew it.'}`,
          fix: `Run "aws sso login${e.id.includes('://') ? '' : ` --sso-session ${e.id}`}" (or any AWS CLI command with this profile, which refreshes the token).`,
          file: e.path,
        };
      });
  },
});
