import { defineRule } from '../../../kernel/rule.js';
import { entryLines, iniFiles } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1015',
  severity: 'error',
  title: 'Access key id is not 20 characters of A–Z and 0–9',
  priority: 520,
  reads: ['files'],
  check(facts) {
    return iniFiles(facts).flatMap((file) =>
      entryLines(file)
        .filter((e) => e.keyIdWellFormed === false && !e.traits.quoted && e.section !== undefined)
        .map((e) => ({
          message: `aws_access_key_id on line ${e.line} (${e.maskedKeyId}, ${e.traits.length} characters${e.traits.innerWhitespace ? ', with whitespace inside' : ''}) is not an AWS access key id, which is exactly 20 upper-case letters and digits (AKIA… or ASIA…). It was probably truncated, padded or pasted from the wrong field.`,
          fix: `Paste the access key id again on line ${e.line} of ${file.path}, exactly as the IAM console or your login tool shows it.`,
          file: file.path,
          line: e.line,
          profile: e.section!,
        })),
    );
  },
});
