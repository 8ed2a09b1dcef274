import { defineRule } from '../../../kernel/rule.js';
import { entryLines, iniFiles } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1011',
  severity: 'warning',
  title: '"#" or ";" in a value: kept, or the rest is cut off as a comment',
  priority: 480,
  reads: ['files'],
  check(facts) {
    return iniFiles(facts).flatMap((file) =>
      entryLines(file)
        .filter((e) => e.traits.gluedCommentChar || e.traits.commentStripped)
        .map((e) => {
          const where = { file: file.path, line: e.line, ...(e.section ? { profile: e.section } : {}) };
          if (e.traits.commentStripped) {
            return {
              ...where,
              severity: 'info' as const,
              message: `On line ${e.line}, a "#" or ";" after a space starts a comment: the SDK reads ${e.key} only up to the space before it and drops the rest.`,
              fix: `If the text after "#"/";" belongs to the value, remove the space before it in ${file.path} line ${e.line}; if it is a comment, put it on its own line to make that obvious.`,
            };
          }
          return {
            ...where,
            message: `On line ${e.line}, the value of ${e.key} contains "#" or ";" with no space before it. The SDK keeps it as part of the value (it is not a comment), ${/secret|token/.test(e.key) ? 'which is right for a secret containing these characters but wrong if you meant a comment' : 'so a trailing comment written this way ends up inside the value'}.`,
            fix: `If that part is a comment, move it to its own line (starting with #) in ${file.path} line ${e.line}; if it is part of the value, nothing to do.`,
          };
        }),
    );
  },
});
