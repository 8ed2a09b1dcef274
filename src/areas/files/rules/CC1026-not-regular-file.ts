import { defineRule } from '../../../kernel/rule.js';
import { iniFiles } from '../../../kernel/rule-helpers.js';

const SDK_EFFECT: Record<string, string> = {
  directory: 'the SDK gets EISDIR and silently treats it as empty',
  fifo: 'the SDK would block forever waiting for a writer (credcheck did not open it for reading)',
  'character-device': 'the SDK reads it to the end, which for a device like /dev/zero or /dev/urandom never comes (credcheck did not read it)',
  'block-device': 'the SDK would read the whole device (credcheck did not)',
  socket: 'the SDK cannot read a socket and treats the file as empty',
};

export default defineRule({
  code: 'CC1026',
  severity: 'error',
  title: 'Shared file path is not a regular file',
  priority: 310,
  reads: ['files'],
  check(facts) {
    return iniFiles(facts)
      .filter((f) => f.status === 'not-regular')
      .map((f) => ({
        message: `${f.path} (the ${f.kind} file, ${f.source}) is a ${f.fileType ?? 'special file'}, not a regular file: ${SDK_EFFECT[f.fileType ?? ''] ?? 'the SDK cannot use it'}.`,
        fix: `Point ${f.source.startsWith('default') ? `HOME (or AWS_${f.kind === 'credentials' ? 'SHARED_CREDENTIALS' : 'CONFIG'}_FILE)` : f.source} at a regular file, or replace ${f.path} with one (rm/rmdir it, then run "aws configure").`,
        file: f.path,
      }));
  },
});
