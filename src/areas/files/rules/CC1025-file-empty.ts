import { defineRule } from '../../../kernel/rule.js';
import { iniFiles } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1025',
  severity: 'warning',
  title: 'Shared file is empty',
  priority: 350,
  reads: ['files'],
  check(facts) {
    return iniFiles(facts)
      .filter((f) => f.status === 'empty')
      .map((f) => ({
        message: `The ${f.kind} file ${f.path} is empty (${f.size ?? 0} bytes, only whitespace). A tool that rewrites it in place (the SSM agent truncates before writing) may have been caught half-way, or a failed login left it empty.`,
        fix: f.kind === 'credentials'
          ? `Run the tool that writes it again (aws configure, your SSO/SAML login, or restart amazon-ssm-agent), or delete ${f.path} if you do not use it.`
          : `Delete ${f.path} if you do not use it, or re-create it with "aws configure".`,
        file: f.path,
      }));
  },
});
