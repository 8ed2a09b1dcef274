import { defineRule } from '../../../kernel/rule.js';
import { iniFiles } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1030',
  severity: 'warning',
  title: 'Credentials file readable by group or others',
  priority: 645,
  reads: ['files'],
  check(facts) {
    return iniFiles(facts)
      .filter((f) => f.kind === 'credentials' && f.status === 'ok' && f.mode !== undefined && (parseInt(f.mode, 8) & 0o044) !== 0)
      .map((f) => ({
        message: `${f.path} has mode ${f.mode}: other users on this machine can read the secret keys in it (ssh would refuse such a key file as an "UNPROTECTED PRIVATE KEY FILE").`,
        fix: `chmod 600 ${f.path}`,
        file: f.path,
      }));
  },
});
