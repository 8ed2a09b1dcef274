import { defineRule } from '../../../kernel/rule.js';
import { entryLines, iniFiles } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1010',
  severity: 'error',
  title: 'Quotes around a value are kept as part of it',
  priority: 470,
  reads: ['files'],
  check(facts) {
    return iniFiles(facts).flatMap((file) =>
      entryLines(file)
        .filter((e) => e.traits.quoted && e.key !== 'credential_process')
        .map((e) => ({
          message: `The value of ${e.key} on line ${e.line} is wrapped in quotes. The SDK does not strip them: the quotes become part of the ${e.key}, which then ${/secret|token|key_id/.test(e.key) ? 'fails to sign requests' : 'does not match anything AWS expects'}.`,
          fix: `Remove the quotes around the value on line ${e.line} of ${file.path} (write ${e.key} = value).`,
          file: file.path,
          line: e.line,
          ...(e.section ? { profile: e.section } : {}),
        })),
    );
  },
});
