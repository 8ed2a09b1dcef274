import { defineRule, need } from '../../kernel/rule.js';
import { okValue } from '../../kernel/probe.js';
import { label, usesEnvKeys } from '../../areas/processes/rules/helpers.js';

const REWRITE_SLACK_MS = 2000;

/** Seed 1 proven: the file's keys work right now, yet the process started before they were written. */
export default defineRule({
  code: 'CC6102',
  severity: 'error',
  title: 'The credentials file is valid now, but the process still holds the keys from before it was rewritten',
  priority: 20,
  reads: ['identity', 'chain', 'processes'],
  check(facts) {
    const id = okValue(facts.identity);
    const chain = okValue(facts.chain);
    if (!id?.ok || chain?.active?.source !== 'ini' || !chain.active.file) return [];
    const file = chain.active.file;
    return need(facts, 'processes').processes.flatMap((p) => {
      const theirs = p.files.find((f) => f.kind === 'credentials');
      if (usesEnvKeys(p) || theirs?.path !== file || !theirs.ctime || !p.startedAt) return [];
      if (Date.parse(theirs.ctime) <= Date.parse(p.startedAt) + REWRITE_SLACK_MS) return [];
      return [{
        message: `STS accepted the keys in ${file} just now (${id.caller?.arn ?? 'valid'}), so the file is not the problem. ${label(p)} started ${p.startedAt}, before the file was rewritten at ${theirs.ctime}: if it fails with ExpiredToken, it is signing with keys it read before the rewrite.`,
        fix: `Restart ${label(p)} now; then stop it caching the file (see CC6001/CC6002 for this program's permanent fix).`,
        file,
        source: `pid ${p.pid}`,
      }];
    });
  },
});
