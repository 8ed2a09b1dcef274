import type { ImdsCommandOptions } from './command.js';
import { emitReport } from '../../kernel/emit.js';
import type { Facts } from '../../kernel/facts.js';
import { finish } from '../../kernel/finish.js';
import { runProbe } from '../../kernel/probe.js';
import { runRules } from '../../kernel/rule.js';
import { RULES } from '../../rules.js';
import { probeImds } from './probe.js';
import { imdsBody, imdsJson } from './render.js';

/** Each step has its own deadline; this outer one only guards against a bug (first contact + 3 steps + slack). */
const IMDS_PROBE_DEADLINE_MS = 10_000;

export async function runImds(opts: ImdsCommandOptions): Promise<void> {
  const now = new Date().toISOString();
  const imds = await runProbe('probing the metadata service', IMDS_PROBE_DEADLINE_MS, () =>
    probeImds({ env: process.env, endpoint: opts.endpoint, showKeyIds: opts.showKeyIds }),
  );
  const facts: Facts = { now, imds };
  const findings = runRules(RULES, facts);
  const code = await emitReport({ command: 'imds', json: imdsJson(imds), findings, body: (style) => imdsBody(imds, now, style) }, opts, now);
  finish(code);
}
