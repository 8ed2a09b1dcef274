import { defineRule } from '../../kernel/rule.js';
import { label } from '../../areas/processes/rules/helpers.js';
import { staleFix, staleProcesses } from '../../areas/processes/stale.js';

/**
 * Seed 1: the file this run signed with is current, the process started before it was rewritten.
 * The cross-area form of CC6001 (which covers the processes whose file this run did not use).
 */
export default defineRule({
  code: 'CC6102',
  severity: 'error',
  title: 'The credentials file is current, but the process still holds the keys from before it was rewritten',
  priority: 20,
  // Identity is optional: whether a process is stale never waits on STS answering in time.
  reads: ['chain', 'processes'],
  check(facts) {
    return staleProcesses(facts)
      .filter((s) => s.sameFileAsChain)
      .map((s) => ({
        message: `${s.verified ? `STS accepted the keys in ${s.file.path} just now (${s.arn ?? 'valid'}), so the file is not the problem. ` : `${s.file.path} is the file this run signs with. `}${label(s.process)} started ${s.process.startedAt}, before the file's keys were rewritten at ${s.file.mtime}: if it fails with ExpiredToken, it is signing with keys it read before the rewrite.${s.process.patterns[0] ? ` ${s.process.patterns[0].why}` : ''}`,
        fix: staleFix(s),
        file: s.file.path,
        source: `pid ${s.process.pid}`,
      }));
  },
});
