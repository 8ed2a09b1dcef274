import { formatDuration } from '../../../kernel/duration.js';
import { firstContact, imdsFacts, notOnEc2Reason } from '../../../areas/imds/classify.js';
import { probeImds } from '../../../areas/imds/probe.js';
import { imdsJson } from '../../../areas/imds/render.js';
import type { AreaPlugin } from '../plugin.js';

export const imdsPlugin: AreaPlugin = {
  key: 'imds',
  title: 'Metadata',
  // The probe's first contact waits 1.2 s (a little over the SDK's 1 s) to tell "slow" from "silent".
  deadlineMs: 2000,
  skip: ({ opts }) => (opts.offline ? '--offline: metadata service not contacted' : undefined),
  probe: ({ env, opts }) => probeImds({ env, showKeyIds: Boolean(opts.showKeyIds) }),
  summarise(facts) {
    const f = imdsFacts(facts);
    if (!f) return '';
    const container = f.container ? ` · container endpoint ${f.container.step?.status === 'ok' ? 'answers' : 'fails'} (${f.container.source})` : '';
    const away = notOnEc2Reason(f);
    if (away) return `${away}${container}`;
    const contact = firstContact(f);
    const role = f.role ? `role ${f.role}` : 'no instance profile';
    const left = f.credentials?.expiration ? `, credentials expire in ${formatDuration(Date.parse(f.credentials.expiration) - Date.parse(facts.now))}` : '';
    return `${contact === 'v2' ? 'IMDSv2' : contact} · ${role}${left}${container}`;
  },
  json: (result) => imdsJson(result as never),
};
