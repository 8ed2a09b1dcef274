import { defineRule } from '../../../kernel/rule.js';
import { entryLines, iniFiles } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1035',
  severity: 'warning',
  title: 'Key set twice in the same profile: the last one wins',
  priority: 630,
  reads: ['files'],
  check(facts) {
    return iniFiles(facts).flatMap((file) =>
      entryLines(file)
        .filter((e) => e.duplicateOf !== undefined && e.section !== undefined)
        .map((e) => ({
          message: `${e.key} in [${e.section}] is set on line ${e.duplicateOf} and again on line ${e.line} of the ${file.kind} file. The SDK silently keeps the last one; if two tools each append their own block, one of them is reading values it did not write.`,
          fix: `Delete one of the two ${e.key} lines (${e.duplicateOf} or ${e.line}) in ${file.path}.`,
          file: file.path,
          line: e.line,
          profile: e.section!,
        })),
    );
  },
});
