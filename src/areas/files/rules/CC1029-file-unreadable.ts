import { defineRule } from '../../../kernel/rule.js';
import { iniFiles } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1029',
  severity: 'error',
  title: 'Shared file cannot be read',
  priority: 330,
  reads: ['files'],
  check(facts) {
    return iniFiles(facts)
      .filter((f) => f.status === 'unreadable')
      .map((f) => ({
        message: `${f.path} (the ${f.kind} file) cannot be read: ${f.detail ?? 'unknown error'}. The SDK swallows this error and behaves as if the file were empty.`,
        fix: /loop/.test(f.detail ?? '')
          ? `Replace the symbolic link at ${f.path} with the real file (ls -l ${f.path} shows where it points).`
          : `Make it readable by the user that runs the program (ls -l ${f.path}; chown that user, chmod 600), or run as its owner.`,
        file: f.path,
      }));
  },
});
