import { aheadBehind } from '../../../areas/clock/words.js';
import { okValue } from '../../../kernel/probe.js';
import { probeIdentity } from '../../../areas/identity/probe.js';
import { identityJson } from '../../../areas/identity/render.js';
import type { AreaPlugin, DoctorContext } from '../plugin.js';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { sharedProfileProvider } from '../../../areas/chain/shared-provider.js';
import type { FileFacts } from '../../../areas/files/facts.js';
import type { ProbeResult } from '../../../kernel/probe.js';

/** One AssumeRole per run: sign with the chain's resolution of a profile that needs STS. */
async function sharedProvider(ctx: DoctorContext): Promise<{ credentials?: AwsCredentialIdentityProvider }> {
  const files = okValue((await ctx.await<FileFacts>('files')) as ProbeResult<FileFacts> | undefined);
  const credentials = files ? await sharedProfileProvider(ctx.shared, files, ctx.env, ctx.opts.profile) : undefined;
  return credentials ? { credentials } : {};
}

export const identityPlugin: AreaPlugin = {
  key: 'identity',
  title: 'Identity',
  deadlineMs: 2400,
  skip: ({ opts }) => (opts.offline ? '--offline: STS not called' : undefined),
  async probe(ctx) {
    // Runs beside the chain, not after it: identity resolves through the SDK's own default chain,
    // which the chain area cross-checks (CC2099 when they disagree), so waiting would only add the
    // chain's slowest link (a silent IMDS) to doctor's run time.
    // Leave the outer deadline a margin so the probe's own, more telling timeout wins the race.
    // A longer --timeout gives STS longer (a loaded machine answers late); the default keeps 2.4 s.
    const budget = Math.max(300, Math.min(ctx.remainingMs(), Math.max(identityPlugin.deadlineMs, ctx.remainingMs() * 0.8)) - 300);
    const shared = await sharedProvider(ctx);
    return probeIdentity({
      ...shared,
      env: ctx.env,
      ...(ctx.opts.profile ? { profile: ctx.opts.profile } : {}),
      showKeyIds: Boolean(ctx.opts.showKeyIds),
      // A hop-limited IMDS answers only after the SDK's 1 s token timeout. The chain's shared
      // resolution is bounded by its own STS deadline: waiting for it costs nothing extra.
      credentialsDeadlineMs: shared.credentials ? budget : Math.min(1600, budget),
      callDeadlineMs: budget,
    });
  },
  summarise(facts) {
    const id = okValue(facts.identity);
    if (!id) return '';
    if (id.ok && id.caller) {
      // The Clock line owns the clock: repeat the Date header here only when it measured nothing,
      // and then in its words (this host against AWS), never the mirror image beside it.
      const clockMeasured = okValue(facts.clock)?.offsetMs !== undefined;
      const skew = !clockMeasured && id.clockOffsetMs !== undefined && Math.abs(id.clockOffsetMs) >= 1000 ? ` · this host ${aheadBehind(-id.clockOffsetMs).replace(/ahead$/, 'ahead of')} AWS` : '';
      return `${id.caller.arn} (account ${id.caller.account}) via ${id.credentials?.source ?? 'unknown source'} ${id.credentials?.keyId ?? ''}${skew}`;
    }
    if (id.credentialsError !== undefined && id.credentialsFailure && id.credentialsNeed) {
      return `not verified: ${id.credentialsVia ?? 'the credentials'} could not be resolved (${id.credentialsNeed === 'container' ? 'container endpoint' : id.credentialsNeed.toUpperCase()}: ${id.credentialsFailure.kind})`;
    }
    if (id.credentialsError) return 'no credentials to ask STS about';
    if (id.error?.kind === 'sts') return `STS rejected the credentials: ${id.error.code}`;
    return `could not reach STS at ${id.endpoint} (${id.error?.kind ?? 'error'})`;
  },
  json: (result) => identityJson(result as never).identity ?? result,
};
