import type { IdentityCommandOptions } from './command.js';
import { emitReport } from '../../kernel/emit.js';
import type { Facts } from '../../kernel/facts.js';
import { finish } from '../../kernel/finish.js';
import { runProbe } from '../../kernel/probe.js';
import { runRules } from '../../kernel/rule.js';
import { RULES } from '../../rules.js';
import { probeIdentity } from './probe.js';
import { identityBody, identityJson } from './render.js';

/** Credentials (≤ 6 s, the chain may try IMDS) + the STS call (≤ 8 s, retries included) + slack. */
const IDENTITY_PROBE_DEADLINE_MS = 16_000;

export async function runIdentity(opts: IdentityCommandOptions): Promise<void> {
  const now = new Date().toISOString();
  const identity = await runProbe('asking STS who we are', IDENTITY_PROBE_DEADLINE_MS, () =>
    probeIdentity({
      env: process.env,
      ...(opts.profile ? { profile: opts.profile } : {}),
      ...(opts.region ? { region: opts.region } : {}),
      ...(opts.expectAccount ? { expectAccount: opts.expectAccount } : {}),
      ...(opts.expectArn ? { expectArn: opts.expectArn } : {}),
      showKeyIds: Boolean(opts.showKeyIds),
    }),
  );
  const facts: Facts = { now, identity };
  const findings = runRules(RULES, facts);
  const code = await emitReport({ command: 'identity', json: identityJson(identity), findings, body: (style) => identityBody(identity, style) }, opts, now);
  finish(code);
}
