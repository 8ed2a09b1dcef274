import { defineRule } from '../../../kernel/rule.js';
import { iniFiles, sectionLines } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1005',
  severity: 'error',
  title: 'A [__proto__] section makes the SDK ignore the whole file',
  priority: 370,
  reads: ['files'],
  check(facts) {
    return iniFiles(facts)
      .filter((f) => f.sdkReadsAsEmpty)
      .map((file) => {
        const s = sectionLines(file).find((l) => /__proto__/.test(l.header));
        return {
          message: `The SDK's parser rejects a section named "${s?.header ?? '__proto__'}" and then treats the entire ${file.kind} file as empty: no profile in it is visible to JavaScript SDK applications.`,
          fix: `Remove or rename the [${s?.header ?? '__proto__'}] section in ${file.path}.`,
          file: file.path,
          ...(s ? { line: s.line } : {}),
        };
      });
  },
});
