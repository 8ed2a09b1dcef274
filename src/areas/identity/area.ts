import { defineArea, type AreaOptions } from '../../kernel/area.js';
import { okValue, type ProbeResult } from '../../kernel/probe.js';
import type { FileFacts } from '../files/facts.js';
import { aheadBehind } from '../clock/words.js';
import { identityBody, identityJson } from './render.js';

export interface IdentityCommandOptions extends AreaOptions {
  profile?: string;
  region?: string;
  expectAccount?: string;
  expectArn?: string;
}

/** Doctor's budget for identity; its own command allows credentials ≤ 6 s + the STS call ≤ 8 s + slack. */
const DOCTOR_DEADLINE_MS = 2400;
/** preflight's: the chain may walk to IMDS (1 s timeout in the SDK); STS gets the rest. Sum < 10 s. */
const PREFLIGHT_CREDENTIALS_MS = 4000;
const PREFLIGHT_STS_MS = 3500;
/** …and when the credentials came at once, counted from the area's start (see callEndsBy). */
const QUICK_DEADLINE_MS = 2000;

export const identityArea = defineArea<IdentityCommandOptions>({
  key: 'identity',
  title: 'Identity',
  command: { task: 'asking STS who we are', deadlineMs: 16_000 },
  deadlineMs: DOCTOR_DEADLINE_MS,
  skip: ({ opts }) => (opts.offline ? '--offline: STS not called' : undefined),
  async probe(ctx) {
    const { opts } = ctx;
    const areaStart = performance.now();
    const { probeIdentity } = await import('./probe.js'); // loaded when run: see files/area.ts
    const common = {
      env: ctx.env,
      ...(opts.profile ? { profile: opts.profile } : {}),
      showKeyIds: Boolean(opts.showKeyIds),
    };
    if (ctx.mode === 'command') {
      return probeIdentity({
        ...common,
        ...(opts.region ? { region: opts.region } : {}),
        ...(opts.expectAccount ? { expectAccount: opts.expectAccount } : {}),
        ...(opts.expectArn ? { expectArn: opts.expectArn } : {}),
      });
    }
    // In doctor identity runs beside the chain, not after it: identity resolves through the SDK's
    // own default chain, which the chain area cross-checks (CC2099 when they disagree), so waiting
    // would only add the chain's slowest link (a silent IMDS) to doctor's run time.
    // Leave the outer deadline a margin so the probe's own, more telling timeout wins the race.
    // A longer --timeout gives STS longer (a loaded machine answers late); the default keeps 2.1 s.
    const budget = Math.max(300, Math.min(ctx.remainingMs(), Math.max(DOCTOR_DEADLINE_MS, ctx.remainingMs() * 0.8)) - 300);
    // With credentials that come at once (keys in the environment or a file), the call must be over
    // 1.7 s (at the default 3 s) after the area started: loading the SDK and waiting for the files
    // overlap that budget instead of adding to it, so a black-holed STS costs doctor ~2 s in all.
    const remaining = ctx.remainingMs() + (performance.now() - areaStart);
    const quickBudget = Math.max(300, Math.min(remaining, Math.max(QUICK_DEADLINE_MS, remaining * 0.6)) - 300);
    // One AssumeRole per run: sign with the chain's resolution of a profile that needs STS.
    const files = okValue((await ctx.await<FileFacts>('files')) as ProbeResult<FileFacts> | undefined);
    // Loaded here, not at the top: it pulls in the chain's probe and the SDK's providers.
    const { sharedProfileProvider } = await import('../chain/shared-provider.js');
    const credentials = files ? await sharedProfileProvider(ctx.shared, files, ctx.env, opts.profile) : undefined;
    if (ctx.mode === 'preflight') {
      return probeIdentity({ ...common, ...(credentials ? { credentials } : {}), credentialsDeadlineMs: PREFLIGHT_CREDENTIALS_MS, callDeadlineMs: PREFLIGHT_STS_MS });
    }
    return probeIdentity({
      ...common,
      ...(credentials ? { credentials } : {}),
      // A hop-limited IMDS answers only after the SDK's 1 s token timeout. The chain's shared
      // resolution is bounded by its own STS deadline: waiting for it costs nothing extra.
      credentialsDeadlineMs: credentials ? budget : Math.min(1600, budget),
      callDeadlineMs: budget,
      callEndsBy: areaStart + quickBudget,
    });
  },
  summary(facts) {
    const id = okValue(facts.identity);
    if (!id) return '';
    if (id.ok && id.caller) {
      // The Clock line owns the clock: repeat the Date header here only when it measured nothing,
      // and then in its words (this host against AWS), never the mirror image beside it.
      const clockMeasured = okValue(facts.clock)?.offsetMs !== undefined;
      const skew = !clockMeasured && id.clockOffsetMs !== undefined && Math.abs(id.clockOffsetMs) >= 1000 ? ` · this host ${aheadBehind(id.clockOffsetMs).replace(/ahead$/, 'ahead of')} AWS` : '';
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
  report: {
    json: (result) => identityJson(result as never),
    body: (result, _facts, style) => identityBody(result as never, style),
  },
});
