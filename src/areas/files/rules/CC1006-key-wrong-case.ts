import { defineRule } from '../../../kernel/rule.js';
import { EXPIRY_KEY_SET } from '../../../sdk/expiry-keys.js';
import { KNOWN_KEY_SET } from '../keys.js';
import { entryLines, iniFiles } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1006',
  severity: 'error',
  title: 'Key written in the wrong case: the SDK does not see it',
  priority: 440,
  reads: ['files'],
  check(facts) {
    return iniFiles(facts).flatMap((file) =>
      entryLines(file)
        .filter((e) => e.key !== e.key.toLowerCase() && (KNOWN_KEY_SET.has(e.key.toLowerCase()) || EXPIRY_KEY_SET.has(e.key.toLowerCase())))
        .map((e) => ({
          message: `Keys in the shared files are case-sensitive: "${e.key}" is not "${e.key.toLowerCase()}", so the SDK ignores this line${e.key === e.key.toUpperCase() ? ' (upper case is the environment-variable spelling, not the file spelling)' : ''}.`,
          fix: `Rename the key to ${e.key.toLowerCase()} on line ${e.line} of ${file.path}.`,
          file: file.path,
          line: e.line,
          ...(e.section ? { profile: e.section } : {}),
        })),
    );
  },
});
