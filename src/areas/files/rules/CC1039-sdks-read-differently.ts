import { defineRule } from '../../../kernel/rule.js';
import { iniFiles } from '../../../kernel/rule-helpers.js';

/** The differences come from src/sdk/models/file-diff.ts (each SDK's parser, checked against the real SDKs). */
export default defineRule({
  code: 'CC1039',
  severity: 'warning',
  title: 'The SDKs read this line differently',
  priority: 640,
  reads: ['files'],
  check(facts) {
    return iniFiles(facts).flatMap((file) =>
      (file.sdkDifferences ?? []).map((d) => ({
        message: `Line ${d.line} of the ${file.kind} file: ${d.message} Programs in different languages on this machine will not agree on these credentials.`,
        fix: 'Write it the way every SDK reads alike: "[profile name]" with one space in the config file and "[name]" in the credentials file, lower-case keys with "=", no indentation, quotes or inline comments, both keys of a pair in the same file, no BOM and no repeated sections or keys.',
        file: file.path,
        line: d.line,
        ...(d.profile ? { profile: d.profile } : {}),
      })),
    );
  },
});
