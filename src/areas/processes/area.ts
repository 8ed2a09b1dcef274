import { defineArea } from '../../kernel/area.js';
import { okValue } from '../../kernel/probe.js';
import { sdkLabel } from './rules/helpers.js';

/** Only in doctor (--pid, --processes): there is no `credcheck processes` command. */
export const processesArea = defineArea({
  key: 'processes',
  title: 'Processes',
  // --processes on a busy host inspects many processes: it may use most of doctor's 3 s.
  deadlineMs: 2500,
  skip: ({ opts }) => ((!opts.pid || opts.pid.length === 0) && !opts.processes ? 'no --pid or --processes given' : undefined),
  probe: async ({ opts, env }) => {
    if (opts.processes) return (await import('./scan.js')).scanHost(env);
    return (await import('./probe.js')).probeProcesses(opts.pid ?? [], env);
  },
  summary(facts) {
    const p = okValue(facts.processes);
    if (!p) return '';
    const each = p.processes
      .map((x) => `PID ${x.pid}${x.patterns[0] ? ` ${x.patterns[0].name}` : ''}${sdkLabel(x) ? ` ${sdkLabel(x)}` : ''}${x.model && x.model.source !== 'unknown' ? ` via ${x.model.source}` : ''}${x.model?.fileRewrittenAfterStart ? ' · predates last rotation' : ''}${x.startedAt ? ` started ${x.startedAt.slice(0, 19)}Z` : ''}${x.status === 'ok' ? '' : ` (${x.status}${x.name ? `: ${x.name}` : ''})`}`)
      .join(' · ');
    if (!p.scan) return each;
    const stale = p.processes.filter((x) => x.model?.fileRewrittenAfterStart).length;
    return `${p.scan.using} of ${p.scan.total} processes use AWS credentials${stale ? `, ${stale} predate the last rotation` : ''} (${p.scan.elapsedMs} ms)${each ? `: ${each}` : ''}`;
  },
});
