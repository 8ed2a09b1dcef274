import { okValue } from '../core/probe.js';
import { probeFiles } from '../files/probe.js';
import { fileJson } from '../files/render.js';
import type { FileFacts } from '../files/facts.js';
import { probeProcesses } from '../process/probe.js';
import type { AreaPlugin } from './plugin.js';

export const filesPlugin: AreaPlugin = {
  key: 'files',
  title: 'Files',
  deadlineMs: 1500,
  probe: ({ opts, env }) => probeFiles({ env, profile: opts.profile }),
  summarise(facts) {
    const f = okValue(facts.files);
    if (!f) return '';
    const part = (x: FileFacts['credentials']) => `${x.path}${x.status === 'ok' ? '' : ` (${x.status})`}`;
    return `${part(f.credentials)} · ${part(f.config)} · ${f.profiles.length} profile${f.profiles.length === 1 ? '' : 's'}`;
  },
  json: (result) => (result.status === 'ok' ? fileJson(result as never) : result),
};

export const processesPlugin: AreaPlugin = {
  key: 'processes',
  title: 'Processes',
  deadlineMs: 1500,
  skip: ({ opts }) => (opts.pid.length === 0 ? 'no --pid given' : undefined),
  probe: ({ opts, env }) => probeProcesses(opts.pid, env),
  summarise(facts) {
    const p = okValue(facts.processes);
    if (!p) return '';
    return p.processes
      .map((x) => `PID ${x.pid}${x.patterns[0] ? ` ${x.patterns[0].name}` : ''}${x.startedAt ? ` started ${x.startedAt.slice(0, 19)}Z` : ''}${x.status === 'ok' ? '' : ` (${x.status})`}`)
      .join(' · ');
  },
};

/** The areas doctor runs, in the order its summary lists them. */
export const PLUGINS: AreaPlugin[] = [filesPlugin, processesPlugin];
