import { defineRule, need } from '../../../kernel/rule.js';
import { linksBeforeWinner } from './helpers.js';
import { okValue } from '../../../kernel/probe.js';
import { SSO_LOGIN_NEEDED } from './CC2007-sso-login-needed.js';

/** Link failures that are the network's, not the configuration's (Node's and the SDK's words). */
export const UNREACHED = /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|socket hang up|no answer within|timed? ?out|certificate|self[- ]signed/i;

export default defineRule({
  code: 'CC2005',
  severity: 'warning',
  title: 'A configured link fails and the SDK hides why',
  priority: 690,
  reads: ['chain'],
  explains: ['CC3015'],
  check(facts) {
    const chain = need(facts, 'chain');
    // With no winner, remote links are reported by CC2006 (off EC2 they always fail).
    const remote = new Set(chain.active ? [] : ['imds', 'container']);
    // fromProcess re-runs the profile's credential_process after fromIni failed on it: one finding.
    const seen = new Set<string>();
    // An SSO profile that needs a login is CC2007's, with the login command: not a config error.
    const ssoLogin = chain.sso && SSO_LOGIN_NEEDED.has(chain.sso.status);
    // Where identity ran, it names an unreachable STS with the network fix (CC3010–CC3014).
    const identitySaysIt = okValue(facts.identity)?.credentialsFailure !== undefined;
    return linksBeforeWinner(chain)
      .filter((l) => l.status === 'failed' && !remote.has(l.source))
      .filter((l) => !(ssoLogin && l.source === 'ini' && l.profile === chain.sso!.profile))
      .filter((l) => !(identitySaysIt && UNREACHED.test(l.reason ?? '')))
      .filter((l) => !seen.has(l.reason ?? '') && Boolean(seen.add(l.reason ?? '')))
      .map((l) => ({
        // Unreachable with nothing else to fall back on: the credentials fail, whatever the cause.
        severity: l.hardStop || (!chain.active && UNREACHED.test(l.reason ?? '')) ? ('error' as const) : ('warning' as const),
        message: l.hardStop
          ? `The ${l.source} link${l.profile ? ` (profile "${l.profile}")` : ''} fails and the SDK stops the whole chain there: ${l.reason}`
          : `The ${l.source} link${l.profile ? ` (profile "${l.profile}"${l.kind ? `, ${l.kind}` : ''})` : ''} is configured but fails: ${l.reason}. The SDK swallows this and moves on${chain.active ? ` to ${chain.active.source}` : ', ending with "Could not load credentials from any providers"'}.`,
        fix: UNREACHED.test(l.reason ?? '')
          ? `Nothing says the configuration is wrong: it is configured, not verified, because its endpoint could not be reached. Make the endpoint reachable (firewall, proxy, DNS, AWS_ENDPOINT_URL_STS) — \`credcheck identity${l.profile ? ` --profile ${l.profile}` : ''}\` names the failure and its fix.`
          : /multi-factor/.test(l.reason ?? '')
          ? 'MFA profiles need a code: use a tool that prompts (aws-vault, the AWS CLI), or pass mfaCodeProvider to fromIni in code.'
          : l.source === 'process' || l.kind === 'process'
            ? 'Run the credential_process command by hand and fix what its stderr says.'
            : l.source === 'token-file'
              ? 'Make AWS_WEB_IDENTITY_TOKEN_FILE point at a readable, current token and AWS_ROLE_ARN at the role, or unset both.'
              : `Fix the ${l.source} configuration named in the reason${l.profile ? ` (profile "${l.profile}")` : ''}, or remove it.`,
        source: l.source,
        ...(l.profile ? { profile: l.profile } : {}),
      }));
  },
});
