import { defineRule, need } from '../../../kernel/rule.js';
import { formatDuration } from '../../../kernel/duration.js';

/** Token states that need a new `aws sso login` (a refreshable sso-session token does not). */
export const SSO_LOGIN_NEEDED = new Set(['missing', 'expired', 'invalid', 'unreadable']);

export default defineRule({
  code: 'CC2007',
  severity: 'error',
  title: 'The SSO login for this profile is missing or expired',
  // Before the chain's generic failures (CC2006 670): the login is the cause they would restate.
  priority: 665,
  reads: ['chain'],
  explains: ['CC3015', 'CC1037'],
  check(facts) {
    const sso = need(facts, 'chain').sso;
    if (!sso || !SSO_LOGIN_NEEDED.has(sso.status)) return [];
    const via = sso.session ? `SSO session "${sso.session}"` : `the SSO start URL ${sso.startUrl}`;
    const state =
      sso.status === 'missing' ? `there is no token for it in the SSO cache (${sso.cachePath}): nobody has logged in as this user on this host`
        : sso.status === 'expired' ? `its token (${sso.cachePath}) expired at ${sso.expiresAt}, ${formatDuration(Date.parse(facts.now) - Date.parse(sso.expiresAt!))} ago${sso.session ? ', and it cannot be refreshed' : ' (a legacy SSO profile cannot refresh it)'}`
          : `its token file ${sso.cachePath} is ${sso.status === 'invalid' ? 'not a token the SDK can use' : 'unreadable'}`;
    return [{
      message: `Profile "${sso.profile}" signs in through ${via}, and ${state}. Every SDK and the AWS CLI fail for this profile until someone logs in; nothing is wrong with the profile itself.`,
      fix: `Run \`${sso.loginCommand}\` (it opens a browser; on a host without one add --use-device-code), then re-run credcheck.`,
      profile: sso.profile,
      source: 'sso cache',
    }];
  },
});
