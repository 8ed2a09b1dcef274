import { defineRule } from '../../../kernel/rule.js';
import { iniFiles } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1028',
  severity: 'warning',
  title: 'Shared file is not valid UTF-8',
  priority: 360,
  reads: ['files'],
  check(facts) {
    return iniFiles(facts)
      .filter((f) => f.validUtf8 === false && (f.status === 'ok' || f.status === 'empty'))
      .map((f) => ({
        message: `${f.path} (the ${f.kind} file) contains bytes that are not UTF-8 (saved as UTF-16 by a Windows editor, or binary data). The SDK decodes it as UTF-8 anyway, so names and values around those bytes are garbled and profiles may silently not match.`,
        fix: `Save ${f.path} as UTF-8 (PowerShell: Set-Content -Encoding utf8; iconv -f UTF-16 -t UTF-8 on Unix), or re-create it with "aws configure".`,
        file: f.path,
      }));
  },
});
