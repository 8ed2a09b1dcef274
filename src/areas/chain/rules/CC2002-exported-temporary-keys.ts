import { defineRule, need } from '../../../kernel/rule.js';

export default defineRule({
  code: 'CC2002',
  severity: 'warning',
  title: 'Exported temporary keys will not refresh, but a profile could',
  priority: 710,
  reads: ['chain'],
  check(facts) {
    const chain = need(facts, 'chain');
    const a = chain.active;
    if (!a || a.source !== 'env' || a.keyType !== 'temporary' || chain.refreshableProfiles.length === 0) return [];
    const names = chain.refreshableProfiles.slice(0, 5).join(', ');
    return [{
      message: `The active credentials are temporary keys exported in the environment (${a.accessKeyId}${a.expiration ? `, expiring ${a.expiration}` : ', with no recorded expiry'}). Nothing refreshes them: when they expire every call fails with ExpiredToken. Profiles that refresh themselves exist: ${names}.`,
      fix: `Unset AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN and select a refreshing profile instead (e.g. export AWS_PROFILE=${chain.refreshableProfiles[0]}); in CI, use the role/OIDC profile rather than exporting its keys.`,
      source: 'env',
    }];
  },
});
