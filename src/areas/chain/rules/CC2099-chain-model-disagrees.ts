import { defineRule, need } from '../../../kernel/rule.js';
import { describeSource } from './helpers.js';

export default defineRule({
  code: 'CC2099',
  severity: 'error',
  title: "credcheck's chain model disagrees with the SDK",
  priority: 660,
  reads: ['chain'],
  check(facts) {
    const chain = need(facts, 'chain');
    if (chain.crossCheck.status !== 'disagree') return [];
    const sdk = chain.crossCheck.sdkAccessKeyId ? `key ${chain.crossCheck.sdkAccessKeyId}` : `an error (${chain.crossCheck.sdkError})`;
    return [{
      message: `credcheck's link-by-link walk says ${describeSource(chain)}, but fromNodeProviderChain() in the same process returned ${sdk}. The other chain findings may be wrong.`,
      fix: `This is a bug in credcheck (or an SDK version it does not model: ${Object.entries(chain.sdkVersions).map(([k, v]) => `${k}@${v}`).join(', ')}). Report it with credcheck chain --json; trust the SDK's answer meanwhile.`,
    }];
  },
});
