import { defineArea } from '../../kernel/area.js';
import { okValue } from '../../kernel/probe.js';
import { probeProcesses } from './probe.js';

/** Only in doctor (--pid): there is no `credcheck processes` command. */
export const processesArea = defineArea({
  key: 'processes',
  title: 'Processes',
  deadlineMs: 1500,
  skip: ({ opts }) => (!opts.pid || opts.pid.length === 0 ? 'no --pid given' : undefined),
  probe: ({ opts, env }) => probeProcesses(opts.pid ?? [], env),
  summary(facts) {
    const p = okValue(facts.processes);
    if (!p) return '';
    return p.processes
      .map((x) => `PID ${x.pid}${x.patterns[0] ? ` ${x.patterns[0].name}` : ''}${x.startedAt ? ` started ${x.startedAt.slice(0, 19)}Z` : ''}${x.status === 'ok' ? '' : ` (${x.status})`}`)
      .join(' · ');
  },
});
