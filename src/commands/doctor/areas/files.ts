import { okValue } from '../../../kernel/probe.js';
import { probeFiles } from '../../../areas/files/probe.js';
import { fileJson } from '../../../areas/files/render.js';
import type { FileFacts } from '../../../areas/files/facts.js';
import type { AreaPlugin } from '../plugin.js';

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

