import { appendFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import type { PreflightCommandOptions } from './options.js';
import { parseDuration } from '../../kernel/duration.js';
import { emitReport, exitCodeFor, writeOut, writeErr, EXIT_USAGE } from '../../kernel/emit.js';
import { UsageError } from '../../kernel/errors.js';
import type { Facts } from '../../kernel/facts.js';
import { sortFindings } from '../../kernel/finding.js';
import { finish } from '../../kernel/finish.js';
import { runRules } from '../../kernel/rule.js';
import { fileContent } from '../../kernel/output.js';
import { renderAnnotations, renderStepSummary } from '../../render/github.js';
import { renderJunit } from '../../render/junit.js';
import { RULES } from '../../rules.js';
import { evaluate, type PreflightOptions } from './checks.js';
import type { PreflightFacts } from './facts.js';
import { gatherInputs } from './gather.js';
import { preflightBody, preflightJson } from './render.js';
import { preflightFindings } from './policy.js';
import { probeFiles } from '../../areas/files/probe.js';
import { probeChain } from '../../areas/chain/probe.js';
import { sharedProfileProvider } from '../../areas/chain/shared-provider.js';
import { SharedResolution } from '../../sdk/shared-resolution.js';

/** The chain's links are bounded inside (IMDS 2.3 s, STS 4 s); this guards the whole walk. */
const CHAIN_DEADLINE_MS = 6000;

export function preflightOptions(opts: PreflightCommandOptions): PreflightOptions {
  const out: PreflightOptions = {
    expectAccounts: opts.expectAccount ?? [],
    denyLongTermKeys: Boolean(opts.denyLongTermKeys),
    maxClockSkewMs: parseDuration(opts.maxClockSkew ?? '60s', '--max-clock-skew'),
    requireRegion: Boolean(opts.requireRegion),
    strict: Boolean(opts.strict),
  };
  if (opts.minTtl !== undefined) out.minTtlMs = parseDuration(opts.minTtl, '--min-ttl');
  if (opts.expectArn !== undefined) out.expectArn = opts.expectArn;
  return out;
}

export async function runPreflight(opts: PreflightCommandOptions, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const started = performance.now();
  const options = preflightOptions(opts); // usage errors before any I/O
  if (opts.json && opts.format && opts.format !== 'json') throw new UsageError(`--json and --format ${opts.format} contradict each other; pick one`);
  // doctor's file and chain facts too, so preflight fails for the same causes doctor names; one
  // resolution of an STS profile shared by the chain and the identity call.
  const shared = new SharedResolution();
  const files = await probeFiles({ env, profile: opts.profile }).catch(() => undefined);
  const credentials = files && !opts.offline ? await sharedProfileProvider(shared, files, env, opts.profile) : undefined;
  const [inputs, chain] = await Promise.all([
    gatherInputs({ profile: opts.profile, offline: opts.offline, showKeyIds: opts.showKeyIds, ...(credentials ? { credentials } : {}) }, env),
    files ? probeChain({ env, ...(opts.profile ? { profile: opts.profile } : {}), offline: Boolean(opts.offline), files, shared, deadlineMs: CHAIN_DEADLINE_MS }).catch(() => undefined) : undefined,
  ]);
  // The SDK's "Could not load credentials from any providers" hides the cause a person can act on.
  if (files && inputs.credentialsError !== undefined && files.profile.source !== 'default' && !files.profiles.some((p) => p.name === files.profile.name)) {
    inputs.credentialsError = `profile ${files.profile.name} does not exist (selected by ${files.profile.source}; see CC1034)`;
  }
  const now = new Date().toISOString();
  const preflight: PreflightFacts = { inputs, checks: evaluate(inputs, options, now) };
  const facts: Facts = { now, preflight, ...(files ? { files: { status: 'ok', ms: 0, value: files } } : {}), ...(chain ? { chain: { status: 'ok', ms: 0, value: chain } } : {}) };
  const findings = sortFindings(preflightFindings(runRules(RULES, facts)));
  const onGithub = env.GITHUB_ACTIONS === 'true';
  const format = opts.json ? 'json' : opts.format ?? 'text';
  const report = { command: 'preflight', json: preflightJson(preflight), findings, body: (style: Parameters<typeof preflightBody>[1]) => preflightBody(preflight, style) };
  const seconds = (performance.now() - started) / 1000;

  // Only outputs the user (or the CI convention) asked for are written: --junit FILE, the step summary.
  if (opts.junit) {
    try {
      await writeFile(opts.junit, fileContent(renderJunit(preflight.checks, { timestamp: now, hostname: hostname(), timeSeconds: seconds }), 'xml'));
    } catch (e) {
      await writeErr(`credcheck: cannot write --junit ${opts.junit}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      finish(EXIT_USAGE);
      return;
    }
  }
  if (env.GITHUB_STEP_SUMMARY && (onGithub || format === 'github')) {
    // Append, never overwrite: other steps' summaries share this file.
    await appendFile(env.GITHUB_STEP_SUMMARY, fileContent(renderStepSummary(preflight.checks, findings), 'markdown')).catch(() =>
      writeErr(`credcheck: cannot append to GITHUB_STEP_SUMMARY (${env.GITHUB_STEP_SUMMARY})\n`),
    );
  }

  let code: number;
  if (format === 'junit') {
    await writeOut(renderJunit(preflight.checks, { timestamp: now, hostname: hostname(), timeSeconds: seconds }), 'xml');
    code = exitCodeFor(findings, opts.failOn);
  } else if (format === 'github') {
    const lines = preflight.checks.map((c) => `${c.status.toUpperCase().padEnd(4)} ${c.name}: ${c.reason}`);
    await writeOut(renderAnnotations(findings), 'github-commands');
    await writeOut(`${lines.join('\n')}\n`);
    code = exitCodeFor(findings, opts.failOn);
  } else {
    code = await emitReport(report, { ...opts, json: format === 'json' }, now);
    // Under GitHub Actions, plain text runs also annotate the job, unless the user chose a format.
    if (format === 'text' && onGithub && opts.format === undefined) await writeOut(renderAnnotations(findings), 'github-commands');
  }
  finish(code);
}
