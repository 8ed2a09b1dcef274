import { defineRule } from '../../../kernel/rule.js';
import { likelyKey } from '../keys.js';
import { entryLines, iniFiles } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1007',
  severity: 'warning',
  title: 'Unknown key that looks like a misspelt known key',
  priority: 450,
  reads: ['files'],
  check(facts) {
    return iniFiles(facts).flatMap((file) =>
      entryLines(file)
        .filter((e) => !e.subsection && !e.opensSubsection && e.key === e.key.toLowerCase())
        .flatMap((e) => {
          const meant = likelyKey(e.key);
          if (!meant) return [];
          const credential = /^aws_(access_key_id|secret_access_key|session_token)$/.test(meant);
          return [{
            message: `"${e.key}" is not a key the SDK reads; it looks like "${meant}". The SDK ignores this line${credential ? ', so the profile is missing that credential' : ''}.`,
            fix: `Rename the key to ${meant} on line ${e.line} of ${file.path}.`,
            ...(credential ? { severity: 'error' as const } : {}),
            file: file.path,
            line: e.line,
            ...(e.section ? { profile: e.section } : {}),
          }];
        }),
    );
  },
});
