import { defineRule, need } from '../../../kernel/rule.js';

export default defineRule({
  code: 'CC5009',
  severity: 'error',
  title: 'Instance metadata service is throttling (HTTP 429)',
  priority: 230,
  reads: ['imds'],
  check(facts) {
    const f = need(facts, 'imds');
    const hit = f.steps.filter((s) => s.httpStatus === 429) ?? [];
    if (hit.length === 0) return [];
    return [{
      message: `IMDS answered 429 Too Many Requests to ${hit.map((s) => s.name).join(', ')}: the per-instance request rate limit is exceeded. The JavaScript SDK makes 0 retries by default, so credential fetches fail.`,
      fix: 'Find the process hammering IMDS (a script re-creating SDK clients per call, or many containers): reuse one client/credential provider so credentials are cached; for the JavaScript SDK fromInstanceMetadata({ maxRetries: 3 }).',
    }];
  },
});
