import type { FileCommandOptions } from './command.js';
import { emitReport } from '../../kernel/emit.js';
import type { Facts } from '../../kernel/facts.js';
import { finish } from '../../kernel/finish.js';
import { runProbe } from '../../kernel/probe.js';
import { runRules } from '../../kernel/rule.js';
import { RULES } from '../../rules.js';
import { probeFiles } from './probe.js';
import { fileBody, fileJson } from './render.js';

/** Local file reads only: generous, but still a deadline, so a wedged NFS home cannot hang us. */
const FILE_PROBE_DEADLINE_MS = 5000;

export async function runFile(opts: FileCommandOptions): Promise<void> {
  const now = new Date().toISOString();
  const files = await runProbe('reading the shared files', FILE_PROBE_DEADLINE_MS, () =>
    probeFiles({ env: process.env, profile: opts.profile, credentialsFile: opts.credentialsFile, configFile: opts.configFile }),
  );
  const facts: Facts = { now, files };
  const findings = runRules(RULES, facts);
  const code = await emitReport({ command: 'file', json: fileJson(files), findings, body: (style) => fileBody(files, facts.now, style) }, opts, now);
  finish(code);
}
