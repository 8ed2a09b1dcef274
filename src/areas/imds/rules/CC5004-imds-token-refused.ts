import { defineRule, need } from '../../../kernel/rule.js';
import { firstContact, stepOf } from '../classify.js';

export default defineRule({
  code: 'CC5004',
  severity: 'warning',
  title: 'IMDSv2 token request refused; only IMDSv1 answers',
  priority: 260,
  reads: ['imds'],
  check(facts) {
    const f = need(facts, 'imds');
    const c = firstContact(f);
    if (c !== 'token-refused' && c !== 'bad-token-request') return [];
    const tok = stepOf(f, 'token')!;
    return [{
      message: `PUT /latest/api/token answered ${tok.httpStatus ?? tok.error} while tokenless GETs ${f.imdsVersion === 'v1' ? 'work' : 'do not'}. Real IMDS refuses token requests that carry X-Forwarded-For (a proxy in the path) and metadata emulators often lack IMDSv2. SDKs fall back to IMDSv1${f.config.v1Disabled ? ', but that fallback is blocked here' : ''}.`,
      fix: 'Send metadata traffic directly (NO_PROXY=169.254.169.254), or upgrade the metadata emulator/mock to one that supports IMDSv2 (PUT /latest/api/token).',
    }];
  },
});
