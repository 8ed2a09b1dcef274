import { defineArea, type AreaOptions } from '../../kernel/area.js';
import { okValue } from '../../kernel/probe.js';
import type { FileFacts } from './facts.js';
import { probeFiles } from './probe.js';
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
  probe: ({ opts, env }) => probeFiles({ env, profile: opts.profile, credentialsFile: opts.credentialsFile, configFile: opts.configFile }),
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
