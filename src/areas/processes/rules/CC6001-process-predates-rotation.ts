import { defineRule, need } from '../../../kernel/rule.js';
import { formatDuration } from '../../../kernel/duration.js';
import { START_TIME_SLACK_MS } from '../model.js';
import { label, READS_ONCE, sdkLabel, usesEnvKeys } from './helpers.js';

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
      // The identified SDK, as this program uses it, re-reads the file: nothing is stuck.
      if (p.model?.rereadsFile === true) return [];
      const pattern = p.patterns[0];
      const knownStale = (pattern !== undefined && READS_ONCE.has(pattern.id)) || p.model?.rereadsFile === false;
      const sdk = sdkLabel(p);
      const why = p.model?.rereadWhy && p.model.rereadsFile === false ? ` ${p.model.rereadWhy}` : pattern ? ` ${pattern.why}` : '';
      const fix = pattern?.id === 'codedeploy-agent'
        ? `Restart the agent now (systemctl restart codedeploy-agent), then make the fix permanent as described in CC6002.`
        : p.model?.fix
          ? p.model.fix
          : pattern && READS_ONCE.has(pattern.id)
            ? `Restart it now (e.g. systemctl restart ${pattern.id}) and after every rotation, or configure it with a provider that refreshes (an instance role or a role_arn profile) instead of a rotated file.`
            : `If ${label(p)} reads the file only at start, restart it after each rotation, or give it credentials that refresh themselves (an instance or container role, or a role_arn profile).`;
      return [{
        severity: knownStale ? 'error' as const : 'warning' as const,
        message: `${label(p)}${sdk ? ` runs ${sdk}` : ''}; it started ${p.startedAt} and ${file.path} was rewritten ${formatDuration(rewritten - started)} later (${file.ctime}).${why} ${knownStale ? 'It is' : 'If it read the keys once, it is'} signing with the keys from before the rewrite, which fail with ExpiredToken once they expire.`,
        fix,
        file: file.path,
        source: `pid ${p.pid}`,
      }];
    });
  },
});
