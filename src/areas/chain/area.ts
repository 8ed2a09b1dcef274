import { defineArea, type AreaOptions } from '../../kernel/area.js';
import { formatDuration } from '../../kernel/duration.js';
import { okValue, type ProbeResult } from '../../kernel/probe.js';
import type { FileFacts } from '../files/facts.js';
import { chainBody, chainJson } from './render.js';
import { sdkLines } from './render-sdks.js';
import type { ChainFacts } from './facts.js';

export interface ChainCommandOptions extends AreaOptions {
  profile?: string;
  offline?: boolean;
  ssmRuntimeConfig?: string;
  /** --sdk names (js, python, cli, ruby, go, all). */
  sdk?: string[];
}

export const chainArea = defineArea<ChainCommandOptions>({
  key: 'chain',
  title: 'Chain',
  // Its own command: every link is bounded (≤ 4 s for STS); this is the outer guard.
  command: { task: 'walking the credential chain', deadlineMs: 8000 },
  // In doctor the IMDS link gets the SDK's own worst case (2.3 s); STS-backed links are bounded inside.
  deadlineMs: 2600,
  needs: ['files'],
  async probe(ctx) {
    // Loaded when run (see files/area.ts), and before waiting for the files: its loading (the SDK's
    // providers) then happens before any area has a request out, not inside another's deadline.
    const { probeChain } = await import('./probe.js');
    // Reuse the files area's read: one safe read of each file per run, fed to the SDK once.
    const files = okValue((await ctx.await<FileFacts>('files')) as ProbeResult<FileFacts> | undefined);
    const chain = await probeChain({
      env: ctx.env,
      ...(ctx.opts.profile ? { profile: ctx.opts.profile } : {}),
      ...(ctx.opts.ssmRuntimeConfig ? { ssmRuntimeConfig: ctx.opts.ssmRuntimeConfig } : {}),
      offline: Boolean(ctx.opts.offline),
      showKeyIds: Boolean(ctx.opts.showKeyIds),
      ...(files ? { files } : {}),
      // doctor and preflight resolve an STS profile once for every area; `credcheck chain` alone keeps its SDK cross-check.
      ...(ctx.mode !== 'command' ? { shared: ctx.shared } : {}),
    });
    // Other SDKs (its own command only): pure models over what this probe observed. A --profile is
    // a profile named in code: each model is given it as that SDK's own explicit profile option.
    if (ctx.mode === 'command' && files) {
      const { answerForCommand } = await import('./sdks.js');
      Object.assign(chain, await answerForCommand(ctx.env, files, chain, (ctx.opts as ChainCommandOptions).sdk, ctx.opts.profile));
    }
    return chain;
  },
  summary(facts) {
    const chain = okValue(facts.chain);
    if (!chain) return '';
    const a = chain.active;
    if (!a) return 'no source supplies credentials';
    const source = `${a.source}${a.kind ? ` (${a.kind})` : ''}${a.profile ? ` profile ${a.profile}` : ''}`;
    const expiry = a.expiration
      ? Date.parse(a.expiration) <= Date.parse(facts.now)
        ? `expired ${formatDuration(Date.parse(facts.now) - Date.parse(a.expiration))} ago`
        : `expires in ${formatDuration(Date.parse(a.expiration) - Date.parse(facts.now))}`
      : a.keyType === 'long-term' ? 'does not expire' : 'expiry unknown';
    // Say each fact once, and who refreshes: a file the SSM agent rewrites does not refresh itself.
    const refresh = a.keyType === 'long-term' && !a.expiration ? '' : a.refreshable ? (a.ssm ? ' · the SSM agent rewrites the file' : ' · refreshes itself') : ' · nothing will refresh it';
    return `${source} → ${a.accessKeyId} ${a.keyType} key · ${expiry}${refresh}`;
  },
  json: (result) => chainJson(result as never),
  report: {
    json: (result) => chainJson(result as never),
    body: (result, facts, style) => [...chainBody(result as never, facts.now, style), ...sdkLines(okValue(result as ProbeResult<ChainFacts>), style)],
  },
});
