import type { ChainCommandOptions } from './command.js';
import { emitReport } from '../../kernel/emit.js';
import type { Facts } from '../../kernel/facts.js';
import { finish } from '../../kernel/finish.js';
import { runProbe } from '../../kernel/probe.js';
import { runRules } from '../../kernel/rule.js';
import { RULES } from '../../rules.js';
import { probeChainWithCredentials } from './probe.js';
import { chainBody, chainJson } from './render.js';

/** Every link is bounded (≤ 4 s for STS); this is the outer guard. */
const CHAIN_DEADLINE_MS = 8000;

export async function runChain(opts: ChainCommandOptions): Promise<void> {
  const now = new Date().toISOString();
  const facts: Facts = { now };
  const chain = await runProbe('walking the credential chain', CHAIN_DEADLINE_MS, async () => {
    const probe = await probeChainWithCredentials({ env: process.env, profile: opts.profile, offline: opts.offline, ssmRuntimeConfig: opts.ssmRuntimeConfig });
    facts.files = { status: 'ok', ms: 0, value: probe.files };
    return probe.facts;
  });
  facts.chain = chain;
  const findings = runRules(RULES, facts);
  const code = await emitReport({ command: 'chain', json: chainJson(chain), findings, body: (style) => chainBody(chain, now, style) }, opts, now);
  finish(code);
}
