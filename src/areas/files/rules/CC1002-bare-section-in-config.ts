import { defineRule } from '../../../kernel/rule.js';
import { iniFiles, sectionLines } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1002',
  severity: 'error',
  title: 'Section without "profile " prefix in the config file',
  priority: 400,
  reads: ['files'],
  check(facts) {
    return iniFiles(facts)
      .filter((f) => f.kind === 'config')
      .flatMap((file) =>
        sectionLines(file)
          .filter((s) => s.sdkName === null && s.prefix === undefined && /^[\w\-@+.%:/]+$/.test(s.header))
          .map((s) => ({
            message: `The SDK drops [${s.header}] in the config file with everything under it: only [default], [profile NAME], [sso-session NAME] and [services NAME] are read there.`,
            fix: `Rename the header to [profile ${s.header}] in ${file.path}.`,
            file: file.path,
            line: s.line,
            profile: s.header,
          })),
      );
  },
});
