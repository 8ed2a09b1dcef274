import { defineRule } from '../../../kernel/rule.js';
import { iniFiles, sectionLines } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1001',
  severity: 'error',
  title: '[profile NAME] header in the credentials file',
  priority: 390,
  reads: ['files'],
  check(facts) {
    return iniFiles(facts)
      .filter((f) => f.kind === 'credentials')
      .flatMap((file) =>
        sectionLines(file)
          .filter((s) => s.prefix === 'profile')
          .map((s) => {
            const name = s.header.replace(/^profile\s+/, '').replace(/^["']|["']$/g, '');
            return {
              message: `The credentials file does not strip the "profile " prefix: [${s.header}] is not profile "${name}", and no --profile or AWS_PROFILE can select it.`,
              fix: `Rename the header to [${name}] in ${file.path} (the "profile " prefix belongs only in the config file).`,
              file: file.path,
              line: s.line,
              profile: name,
            };
          }),
      );
  },
});
