import { defineRule, need } from '../../../kernel/rule.js';
import { fileFacts } from '../../../kernel/rule-helpers.js';
import { UNREACHED } from './CC2005-link-failed-silently.js';

export default defineRule({
  code: 'CC2006',
  severity: 'error',
  title: 'No credentials: every link of the default chain came up empty',
  priority: 670,
  reads: ['chain'],
  explains: ['CC3015'],
  check(facts) {
    const chain = need(facts, 'chain');
    // A hard stop is reported by CC2005 as an error, with its reason.
    if (chain.active || chain.links.some((l) => l.hardStop)) return [];
    // A selected profile that does not exist is the cause (CC1034), and every SDK stops there.
    const files = fileFacts(facts);
    if (files && files.profile.source !== 'default' && !files.profiles.some((p) => p.name === files.profile.name)) return [];
    // A configured link that could not reach its endpoint is not "no credentials": CC2005 says
    // which link, and that it is configured, not verified.
    if (chain.links.some((l) => l.status === 'failed' && !['container', 'imds'].includes(l.source) && UNREACHED.test(l.reason ?? ''))) return [];
    const looked = chain.links.map((l) => `${l.source} ${l.status}${l.status === 'failed' || l.status === 'skipped' ? ` (${l.reason})` : ''}`).join(', ');
    // Offline, say "none" only when nothing but the remote links (container, IMDS) went untried,
    // and then as a warning: a role may still supply credentials there.
    const unverified = chain.notVerified.length > 0;
    const untriedLocal = chain.links.some((l) => l.status === 'skipped' && !['sso', 'container', 'imds'].includes(l.source));
    if (unverified && untriedLocal) return [];
    // DMI says this is not EC2 (the imds link was left alone): no instance role can be the fix here.
    const offEc2 = chain.links.some((l) => l.source === 'imds' && l.offEc2);
    return [{
      ...(unverified ? { severity: 'warning' as const } : {}),
      message: unverified
        ? `No credentials in the environment or the shared files. Not checked (${chain.notVerified.join('; ')}), so a container or instance role may still supply them. Looked at: ${looked}.`
        : `The SDK finds no credentials ("Could not load credentials from any providers"). Looked at: ${looked}.`,
      fix: offEc2
        ? `Provide one source: export AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or configure profile "${chain.profile.name}" (aws configure / aws configure sso). This host is not EC2, so no instance role will supply them; do not wait on IMDS.`
        : `Provide one source: export AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or configure profile "${chain.profile.name}" (aws configure / aws configure sso), or attach an instance/task role.`,
    }];
  },
});
