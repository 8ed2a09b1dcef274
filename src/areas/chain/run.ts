import type { ChainCommandOptions } from './command.js';
import { emitReport } from '../../kernel/emit.js';
import type { Facts } from '../../kernel/facts.js';
import { finish } from '../../kernel/finish.js';
import { runProbe } from '../../kernel/probe.js';
import { runRules } from '../../kernel/rule.js';
import { RULES } from '../../rules.js';
import { probeChainWithCredentials } from './probe.js';
import { chainBody, chainJson } from './render.js';
import { sdkLines } from './render-sdks.js';
import type { SdkAnswer } from './sdks.js';
import type { Style } from '../../kernel/style.js';

/** Every link is bounded (≤ 4 s for STS); this is the outer guard. */
const CHAIN_DEADLINE_MS = 8000;

export async function runChain(opts: ChainCommandOptions): Promise<void> {
  const now = new Date().toISOString();
  const facts: Facts = { now };
  let sdks: SdkAnswer[] | undefined;
  const chain = await runProbe('walking the credential chain', CHAIN_DEADLINE_MS, async () => {
    const probe = await probeChainWithCredentials({ env: process.env, profile: opts.profile, offline: opts.offline, ssmRuntimeConfig: opts.ssmRuntimeConfig });
    facts.files = { status: 'ok', ms: 0, value: probe.files };
    // Other SDKs: pure models over what the JS chain already observed (no extra network call).
    // A --profile is a client option; the models answer for the environment's profile selection.
    if (!opts.profile) {
      const { observeWorld, answerSdks } = await import('./sdks.js');
      const { SDK_NAMES } = await import('../../sdk/models/catalog.js');
      const asked = opts.sdk ? [...new Set(['js' as const, ...opts.sdk.flatMap((n) => SDK_NAMES[n])])] : SDK_NAMES.all;
      sdks = answerSdks(await observeWorld(process.env, probe.files, probe.facts), asked);
    }
    return probe.facts;
  });
  facts.chain = chain;
  const findings = runRules(RULES, facts);
  const json = { ...chainJson(chain), ...(sdks ? { sdks: sdks.filter((a) => !opts.sdk || a.sdk !== 'js' || opts.sdk.some((n) => ['js', 'node', 'all'].includes(n))) } : {}) };
  const body = (style: Style) => [...chainBody(chain, now, style), ...sdkLines(sdks, opts.sdk, style)];
  const code = await emitReport({ command: 'chain', json, findings, body }, opts, now);
  finish(code);
}
