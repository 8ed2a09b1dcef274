import { defineRule, need } from '../../../kernel/rule.js';

export default defineRule({
  code: 'CC3022',
  severity: 'info',
  title: 'No region is configured: SDK clients will not start',
  priority: 940,
  reads: ['identity'],
  check(facts) {
    const f = need(facts, 'identity');
    if (!f || f.regionSource !== 'fallback') return [];
    return [{
      message: `Neither AWS_REGION nor a region in profile "${f.profile}" is set${f.ignoredDefaultRegion ? ` (AWS_DEFAULT_REGION=${f.ignoredDefaultRegion} is set, but the JavaScript SDK does not read it)` : ''}. credcheck asked STS in ${f.region}; a JavaScript SDK client would try the EC2 metadata service for a region and otherwise throw "Region is missing".`,
      fix: `Set AWS_REGION (e.g. export AWS_REGION=${f.ignoredDefaultRegion ?? 'eu-west-1'}) or add region = … to profile "${f.profile}" in ~/.aws/config.`,
      source: 'sts',
    }];
  },
});
