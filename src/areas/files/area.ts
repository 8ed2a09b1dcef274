import { defineArea, type AreaOptions } from '../../kernel/area.js';
import { okValue } from '../../kernel/probe.js';
import type { FileFacts } from './facts.js';
import { fileBody, fileJson } from './render.js';

export interface FileCommandOptions extends AreaOptions {
  profile?: string;
  credentialsFile?: string;
  configFile?: string;
}

export const filesArea = defineArea<FileCommandOptions>({
  key: 'files',
  title: 'Files',
  // Its own command: local reads only, generous, but still a deadline, so a wedged NFS home cannot hang us.
  command: { task: 'reading the shared files', deadlineMs: 5000 },
  deadlineMs: 1500,
  // The probe module is loaded when the area runs, so doctor starts each area's I/O as soon as its
  // own code is loaded instead of after every area's (and the whole SDK's) code is.
  probe: async ({ opts, env }) => (await import('./probe.js')).probeFiles({ env, profile: opts.profile, credentialsFile: opts.credentialsFile, configFile: opts.configFile }),
  summary(facts) {
    const f = okValue(facts.files);
    if (!f) return '';
    const part = (x: FileFacts['credentials']) => `${x.path}${x.status === 'ok' ? '' : ` (${x.status})`}`;
    return `${part(f.credentials)} · ${part(f.config)} · ${f.profiles.length} profile${f.profiles.length === 1 ? '' : 's'}`;
  },
  json: (result) => (result.status === 'ok' ? fileJson(result as never) : result),
  report: {
    json: (result) => fileJson(result as never),
    body: (result, facts, style) => fileBody(result as never, facts.now, style),
  },
});
