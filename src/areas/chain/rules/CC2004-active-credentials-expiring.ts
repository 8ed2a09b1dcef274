import { formatDuration } from '../../../kernel/duration.js';
import { defineRule, need } from '../../../kernel/rule.js';
import { describeSource, switchToRefreshing } from './helpers.js';

const SOON_MS = 15 * 60_000;

export default defineRule({
  code: 'CC2004',
  severity: 'error',
  title: 'The active credentials are expired or expire within 15 minutes',
  priority: 680,
  reads: ['chain'],
  check(facts) {
    const a = need(facts, 'chain').active;
    if (!a?.expiration) return [];
    const left = Date.parse(a.expiration) - Date.parse(facts.now);
    if (Number.isNaN(left) || left > SOON_MS) return [];
    const chain = need(facts, 'chain');
    const how = a.refreshable ? `${a.refreshNote}.` : `Nothing will refresh them (${a.refreshNote}).`;
    return [{
      severity: left <= 0 || !a.refreshable ? 'error' : 'warning',
      message: `${describeSource(chain)} ${left <= 0 ? `expired ${formatDuration(-left)} ago` : `expires in ${formatDuration(left)}`} (${a.expiration}, from ${a.expirationSource}). ${how}`,
      fix: a.source === 'env'
        ? switchToRefreshing(chain)
          ? `Export fresh credentials now; so that it does not happen again, ${switchToRefreshing(chain)}.`
          : 'Export fresh credentials before running AWS commands, or switch to a profile that refreshes itself (role_arn, web identity, SSO).'
        : a.ssm
          ? 'Check the SSM agent is running and rotating (its log says "Next credential rotation will be in …"); restart it if CredentialsExpiresAt is in the past.'
          : a.refreshable
            ? 'Nothing to do if the refresh works; if calls fail with ExpiredToken, re-run the command that produced these credentials.'
            : `Replace the keys in ${a.file ?? 'the profile'} with fresh ones (re-run the tool that wrote them).`,
      source: a.source,
      ...(a.profile ? { profile: a.profile } : {}),
    }];
  },
});
