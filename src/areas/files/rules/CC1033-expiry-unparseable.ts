import { defineRule } from '../../../kernel/rule.js';
import { profilesOf } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1033',
  severity: 'warning',
  title: 'Expiry value in a profile cannot be parsed',
  priority: 620,
  reads: ['files'],
  check(facts) {
    return profilesOf(facts).flatMap((p) => {
      const e = p.expiration;
      if (!e || e.iso) return [];
      return [{
        message: `Profile "${p.name}" has ${e.key} = ${e.raw}, which is not a date credcheck understands (RFC 3339 such as 2025-01-31T12:00:00Z, "YYYY-MM-DD HH:MM:SS", or epoch seconds), so it cannot tell whether these credentials have expired.`,
        fix: `Refresh the credentials with the tool that wrote [${p.name}]; if you edited ${e.key} by hand, write it as 2025-01-31T12:00:00Z or delete the line.`,
        profile: p.name,
        file: e.file,
        ...(e.line !== undefined ? { line: e.line } : {}),
      }];
    });
  },
});
