import { defineRule } from '../../../kernel/rule.js';
import { fileFacts, whereKey } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1023',
  severity: 'error',
  title: 'credential_process program not found or not executable',
  priority: 600,
  reads: ['files'],
  check(facts) {
    const f = fileFacts(facts);
    if (!f) return [];
    return f.profiles.flatMap((p) => {
      const check = p.credentialProcess !== undefined ? f.paths[p.credentialProcess] : undefined;
      if (!check || (check.exists && check.isFile && check.executable)) return [];
      const state = !check.exists ? `does not exist${check.resolvedTo ? ` (${check.resolvedTo})` : ''}` : !check.isFile ? 'is not a regular file' : 'is not executable';
      return [{
        message: `Profile "${p.name}" runs credential_process "${check.path}", which ${state}. The SDK fails with the shell's "command not found" error.`,
        fix: !check.exists
          ? `Install the program, or write its absolute path in credential_process under [${p.name}] (a bare name is looked up on PATH, which may differ for services and cron).`
          : check.isFile ? `Make it executable: chmod +x ${check.path}` : `Point credential_process under [${p.name}] at the program itself.`,
        profile: p.name,
        ...whereKey(p, 'credential_process'),
      }];
    });
  },
});
