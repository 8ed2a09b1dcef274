import { defineRule } from '../core/rule.js';
import { chainFacts } from './chain-helpers.js';

export default defineRule({
  code: 'CC2006',
  severity: 'error',
  title: 'No credentials: every link of the default chain came up empty',
  check(facts) {
    const chain = chainFacts(facts);
    // A hard stop is reported by CC2005 as an error, with its reason.
    if (!chain || chain.active || chain.notVerified.length > 0 || chain.links.some((l) => l.hardStop)) return [];
    const looked = chain.links.map((l) => `${l.source} ${l.status}${l.status === 'failed' ? ` (${l.reason})` : ''}`).join(', ');
    return [{
      message: `The SDK finds no credentials ("Could not load credentials from any providers"). Looked at: ${looked}.`,
      fix: `Provide one source: export AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or configure profile "${chain.profile.name}" (aws configure / aws configure sso), or attach an instance/task role.`,
    }];
  },
});
