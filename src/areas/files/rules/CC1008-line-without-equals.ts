import { defineRule } from '../../../kernel/rule.js';
import { iniFiles } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1008',
  severity: 'warning',
  title: 'Line without "=" is ignored',
  priority: 460,
  reads: ['files'],
  check(facts) {
    return iniFiles(facts).flatMap((file) =>
      file.lines
        .filter((l) => l.type === 'no-equals')
        .map((l) => ({
          // The text itself is never shown: a line without "=" is often a pasted secret.
          message: `Line ${l.line} of the ${file.kind} file has ${l.length} character(s) but no "=" (and does not start with "="${l.looksLikeHeader ? '; it looks like a section header missing a bracket' : ''}), so the SDK skips it. credcheck does not print it because it may be a pasted secret.`,
          fix: l.looksLikeHeader
            ? `Fix the brackets on line ${l.line} of ${file.path} so the header reads [NAME] (config file: [profile NAME]).`
            : `Open ${file.path} at line ${l.line}: write it as "key = value" under the right section, or delete it (or prefix it with # to keep it as a comment).`,
          file: file.path,
          line: l.line,
          ...(l.section ? { profile: l.section } : {}),
        })),
    );
  },
});
