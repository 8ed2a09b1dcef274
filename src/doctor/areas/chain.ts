import { formatDuration } from '../../core/duration.js';
import { okValue, type ProbeResult } from '../../core/probe.js';
import { probeChainWithCredentials } from '../../chain/probe.js';
import { chainJson } from '../../chain/render.js';
import type { FileFacts } from '../../files/facts.js';
import type { AreaPlugin } from '../plugin.js';
import { CHAIN_PROVIDER } from './identity.js';

export const chainPlugin: AreaPlugin = {
  key: 'chain',
  title: 'Chain',
  // IMDS and container links are bounded at 1 s each inside the probe; STS-backed links longer.
  deadlineMs: 2000,
  async probe(ctx) {
    // Reuse the files area's read: one safe read of each file per run, fed to the SDK once.
    const files = okValue((await ctx.await<FileFacts>('files')) as ProbeResult<FileFacts> | undefined);
    const probe = await probeChainWithCredentials({
      env: ctx.env,
      ...(ctx.opts.profile ? { profile: ctx.opts.profile } : {}),
      ...(ctx.opts.ssmRuntimeConfig ? { ssmRuntimeConfig: ctx.opts.ssmRuntimeConfig } : {}),
      offline: Boolean(ctx.opts.offline),
      ...(files ? { files } : {}),
    });
    // In memory only, never serialised: identity signs with exactly what the chain resolved.
    if (probe.provider) ctx.shared.set(CHAIN_PROVIDER, probe.provider);
    return probe.facts;
  },
  summarise(facts) {
    const chain = okValue(facts.chain);
    if (!chain) return '';
    const a = chain.active;
    if (!a) return 'no source supplies credentials';
    const source = `${a.source}${a.kind ? ` (${a.kind})` : ''}${a.profile ? ` profile ${a.profile}` : ''}`;
    const expiry = a.expiration
      ? Date.parse(a.expiration) <= Date.parse(facts.now)
        ? `expired ${formatDuration(Date.parse(facts.now) - Date.parse(a.expiration))} ago`
        : `expires in ${formatDuration(Date.parse(a.expiration) - Date.parse(facts.now))}`
      : a.keyType === 'long-term' ? 'long-term key' : 'expiry unknown';
    return `${source} → ${a.accessKeyId} ${a.keyType} · ${expiry} · ${a.refreshable ? 'refreshes itself' : 'nothing will refresh it'}`;
  },
  json: (result) => chainJson(result as never),
};
