import { defineRule } from '../../../kernel/rule.js';
import { MAX_FILE_BYTES } from '../read.js';
import { iniFiles } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1027',
  severity: 'error',
  title: 'Shared file is implausibly large',
  priority: 320,
  reads: ['files'],
  check(facts) {
    return iniFiles(facts)
      .filter((f) => f.status === 'too-large')
      .map((f) => ({
        message: `${f.path} (the ${f.kind} file) is ${f.size ?? 'more than'} bytes; real ones are a few KiB. credcheck reads at most ${MAX_FILE_BYTES} bytes and did not parse it; the SDK would load it all into memory on every credential refresh. It is probably a wrong path, a log, or a binary written over it.`,
        fix: `Check what ${f.path} really is (file ${f.path}; head -c 200 ${f.path}) and point ${f.source.startsWith('default') ? 'the SDK' : f.source} at your real ${f.kind} file.`,
        file: f.path,
      }));
  },
});
