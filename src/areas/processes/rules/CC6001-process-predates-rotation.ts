import { defineRule, need } from '../../../kernel/rule.js';
import { formatDuration } from '../../../kernel/duration.js';
import { label, READS_ONCE, usesEnvKeys } from './helpers.js';

const START_TIME_SLACK_MS = 2000;

/** Seed 1: the file was rewritten after the process read it; the process kept the old keys. */
export default defineRule({
  code: 'CC6001',
  severity: 'warning',
  title: 'Process started before its credentials file was last rewritten',
  priority: 40,
  reads: ['processes'],
  check(facts) {
    return need(facts, 'processes').processes.flatMap((p) => {
      const file = p.files.find((f) => f.kind === 'credentials');
      if (!p.startedAt || !file?.exists || !file.ctime || usesEnvKeys(p)) return [];
      const started = Date.parse(p.startedAt);
      const rewritten = Date.parse(file.ctime);
      // /proc start times derive from btime, which has 1 s resolution: demand a clear margin.
      if (rewritten <= started + START_TIME_SLACK_MS) return [];
      const pattern = p.patterns[0];
      const knownStale = pattern !== undefined && READS_ONCE.has(pattern.id);
      const fix = pattern?.id === 'codedeploy-agent'
        ? `Restart the agent now (systemctl restart codedeploy-agent), then make the fix permanent as described in CC6002.`
        : knownStale
          ? `Restart it now (e.g. systemctl restart ${pattern.id}) and after every rotation, or configure it with a provider that refreshes (an instance role or a role_arn profile) instead of a rotated file.`
          : `If ${label(p)} reads the file only at start, restart it; better, have it re-read on failure (JavaScript SDK: fromIni({ ignoreCache: true }) or fromNodeProviderChain with a refreshing profile) or use a role-based profile that refreshes itself.`;
      return [{
        severity: knownStale ? 'error' as const : 'warning' as const,
        message: `${label(p)} started ${p.startedAt}; ${file.path} was rewritten ${formatDuration(rewritten - started)} later (${file.ctime}).${pattern ? ` ${pattern.why}` : ''} A process that read the keys once is now signing with the keys from before the rewrite, which fail with ExpiredToken once they expire.`,
        fix,
        file: file.path,
        source: `pid ${p.pid}`,
      }];
    });
  },
});
