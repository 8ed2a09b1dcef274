import { defineRule, need } from '../../../kernel/rule.js';

export default defineRule({
  code: 'CC3023',
  severity: 'info',
  title: 'AWS_DEFAULT_REGION is set but the JavaScript SDK ignores it',
  priority: 950,
  reads: ['identity'],
  check(facts) {
    const f = need(facts, 'identity');
    // With no region at all CC3022 says the same thing with more urgency.
    if (!f?.ignoredDefaultRegion || f.regionSource === 'fallback' || f.ignoredDefaultRegion === f.region) return [];
    return [{
      message: `AWS_DEFAULT_REGION=${f.ignoredDefaultRegion}, but JavaScript SDK clients use ${f.region} (${f.regionWhy}); the AWS CLI and Python would use ${f.ignoredDefaultRegion}.`,
      fix: `Set AWS_REGION=${f.ignoredDefaultRegion} as well (or instead) so every tool agrees on the region.`,
      source: 'sts',
    }];
  },
});
