import { defineArea, type AreaOptions } from '../../kernel/area.js';
import { formatDuration } from '../../kernel/duration.js';
import { okValue } from '../../kernel/probe.js';
import { firstContact, notOnEc2Reason } from './classify.js';
import { imdsBody, imdsJson } from './render.js';

export interface ImdsCommandOptions extends AreaOptions {
  endpoint?: string;
}

export const imdsArea = defineArea<ImdsCommandOptions>({
  key: 'imds',
  title: 'Metadata',
  // Its own command: each step has its own deadline; this outer one only guards against a bug.
  command: { task: 'probing the metadata service', deadlineMs: 10_000 },
  // The probe's first contact waits 1.2 s (a little over the SDK's 1 s) to tell "slow" from "silent".
  deadlineMs: 2000,
  skip: ({ opts }) => (opts.offline ? '--offline: metadata service not contacted' : undefined),
  probe: async ({ env, opts }) => (await import('./probe.js')).probeImds({ env, endpoint: opts.endpoint, showKeyIds: Boolean(opts.showKeyIds) }),
  summary(facts) {
    const f = okValue(facts.imds);
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
  report: {
    json: (result) => imdsJson(result as never),
    body: (result, facts, style) => imdsBody(result as never, facts.now, style),
  },
});
