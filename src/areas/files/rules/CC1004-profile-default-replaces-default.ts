import { defineRule } from '../../../kernel/rule.js';
import { iniFiles, sectionLines } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1004',
  severity: 'error',
  title: '[profile default] replaces [default] in the config file',
  priority: 420,
  reads: ['files'],
  check(facts) {
    return iniFiles(facts)
      .filter((f) => f.kind === 'config' && f.lines.some((l) => l.type === 'entry' && l.replacedByProfileDefault))
      .flatMap((file) => {
        const bare = sectionLines(file).filter((s) => s.parserKey === 'default');
        const prefixed = sectionLines(file).find((s) => s.parserKey === 'profile.default');
        const lost = file.lines.filter((l) => l.type === 'entry' && l.replacedByProfileDefault).length;
        return bare.slice(0, 1).map((s) => ({
          message: `The config file has both [default] (line ${s.line}) and [profile default] (line ${prefixed?.line ?? '?'}). The SDK keeps only [profile default]: the ${lost} key(s) under [default] are ignored, not merged.`,
          fix: `Move the keys from [default] into [profile default] (or the reverse) in ${file.path}, then delete the empty header, so the default profile is written in one place.`,
          file: file.path,
          line: s.line,
          profile: 'default',
        }));
      });
  },
});
