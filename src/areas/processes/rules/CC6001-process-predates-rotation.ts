import { defineRule } from '../../../kernel/rule.js';
import { formatDuration } from '../../../kernel/duration.js';
import { label, READS_ONCE, sdkLabel } from './helpers.js';
import { staleFix, staleProcesses } from '../stale.js';

/**
 * Seed 1, for a file this run did not sign with (another HOME, another path): the file was
 * rewritten after the process read it. When it is the run's own file, CC6102 says it instead.
 */
export default defineRule({
  code: 'CC6001',
  severity: 'warning',
  title: 'Process started before its credentials file was last rewritten',
  priority: 40,
  reads: ['processes'],
  check(facts) {
    return staleProcesses(facts)
      .filter((s) => !s.sameFileAsChain)
      .map((s) => {
        const pattern = s.process.patterns[0];
        const model = s.process.model;
        // Known to keep the old keys: a read-once program, or the identified SDK's model says so.
        const knownStale = (pattern !== undefined && READS_ONCE.has(pattern.id)) || model?.rereadsFile === false;
        const sdk = sdkLabel(s.process);
        const why = model?.rereadsFile === false && model.rereadWhy ? ` ${model.rereadWhy}` : pattern ? ` ${pattern.why}` : '';
        return {
          severity: knownStale ? ('error' as const) : ('warning' as const),
          message: `${label(s.process)}${sdk ? ` runs ${sdk}; it` : ''} started ${s.process.startedAt}; the keys in ${s.file.path} were rewritten ${formatDuration(s.laterMs)} later (${s.file.mtime}).${why} ${knownStale ? 'It is' : 'A process that read the keys once is'} now signing with the keys from before the rewrite, which fail with ExpiredToken once they expire.`,
          fix: staleFix(s),
          file: s.file.path,
          source: `pid ${s.process.pid}`,
        };
      });
  },
});
