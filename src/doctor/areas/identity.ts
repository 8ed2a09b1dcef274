import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { formatDuration } from '../../core/duration.js';
import { okValue } from '../../core/probe.js';
import { probeIdentity } from '../../identity/probe.js';
import { identityJson } from '../../identity/render.js';
import type { AreaPlugin } from '../plugin.js';

/** Shared-map key under which the chain area leaves its resolved provider for identity. */
export const CHAIN_PROVIDER = 'chain.provider';

export const identityPlugin: AreaPlugin = {
  key: 'identity',
  title: 'Identity',
  deadlineMs: 2400,
  skip: ({ opts }) => (opts.offline ? '--offline: STS not called' : undefined),
  async probe(ctx) {
    // Wait for the chain (when doctor has one) so STS is asked about the very credentials it found.
    const started = performance.now();
    await ctx.await('chain');
    const provider = ctx.shared.get(CHAIN_PROVIDER) as AwsCredentialIdentityProvider | undefined;
    // Leave the outer deadline a margin so the probe's own, more telling timeout wins the race.
    const left = Math.min(identityPlugin.deadlineMs - (performance.now() - started), ctx.remainingMs());
    const budget = Math.max(300, left - 300);
    return probeIdentity({
      env: ctx.env,
      ...(ctx.opts.profile ? { profile: ctx.opts.profile } : {}),
      ...(provider ? { credentials: provider } : {}),
      showKeyIds: Boolean(ctx.opts.showKeyIds),
      credentialsDeadlineMs: Math.min(1500, budget),
      callDeadlineMs: budget,
    });
  },
  summarise(facts) {
    const id = okValue(facts.identity);
    if (!id) return '';
    if (id.ok && id.caller) {
      const skew = id.clockOffsetMs !== undefined && Math.abs(id.clockOffsetMs) >= 1000 ? ` · AWS clock ${formatDuration(Math.abs(id.clockOffsetMs))} ${id.clockOffsetMs > 0 ? 'ahead' : 'behind'}` : '';
      return `${id.caller.arn} (account ${id.caller.account}) via ${id.credentials?.source ?? 'unknown source'} ${id.credentials?.keyId ?? ''}${skew}`;
    }
    if (id.credentialsError) return 'no credentials to ask STS about';
    if (id.error?.kind === 'sts') return `STS rejected the credentials: ${id.error.code}`;
    return `could not reach STS at ${id.endpoint} (${id.error?.kind ?? 'error'})`;
  },
  json: (result) => identityJson(result as never).identity ?? result,
};
