import { hostname } from 'node:os';
import type { PreflightCommandOptions } from './options.js';
import { parseDuration } from '../../kernel/duration.js';
import { emitReport, exitCodeFor, writeOut, writeErr, EXIT_USAGE } from '../../kernel/emit.js';
import { UsageError } from '../../kernel/errors.js';
import type { Facts } from '../../kernel/facts.js';
import { sortFindings } from '../../kernel/finding.js';
import { finish } from '../../kernel/finish.js';
import { appendOutputFile, replaceOutputFile } from '../../kernel/output-file.js';
import { runRules } from '../../kernel/rule.js';
import { fileContent } from '../../kernel/output.js';
import { renderAnnotations, renderStepSummary } from '../../render/github.js';
import { renderJunit } from '../../render/junit.js';
import { RULES } from '../../rules.js';
import { evaluate, type PreflightOptions } from './checks.js';
import type { PreflightFacts } from './facts.js';
import { preflightInputs } from './from-facts.js';
import { preflightBody, preflightJson } from './render.js';
import { preflightFindings } from './policy.js';
import { probeAreas } from '../../areas/runner.js';
import { filesArea } from '../../areas/files/area.js';
import { chainArea } from '../../areas/chain/area.js';
import { identityArea } from '../../areas/identity/area.js';

/**
 * A safety net over the areas together: each wait is bounded inside (the chain's links, identity's
 * 4 s for credentials and 3.5 s for STS), so a CI gate finishes well under 10 s even with every
 * endpoint black-holed; this only ends a wait that should have been bounded and was not.
 */
const PREFLIGHT_BUDGET_MS = 9000;

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
  // The facts doctor gathers, by the one runner (as in doctor, --offline skips identity and one
  // resolution of an STS profile is shared by the chain and the identity call), so
  // preflight fails for the same causes doctor names. No clock area: the identity call's Date header
  // is the reference that judges signatures, and a CI gate makes no NTP queries.
  const areaOpts = { failOn: opts.failOn, showKeyIds: Boolean(opts.showKeyIds), offline: Boolean(opts.offline), ...(opts.profile ? { profile: opts.profile } : {}) };
  const { facts: shared } = await probeAreas([filesArea, chainArea, identityArea], areaOpts, 'preflight', PREFLIGHT_BUDGET_MS);
  const inputs = preflightInputs(shared, env, opts);
  const now = new Date().toISOString();
  const preflight: PreflightFacts = { inputs, checks: evaluate(inputs, options, now) };
  // Doctor's file and chain rules (policy.ts keeps what a job must act on); the identity check stands
  // for identity's own rules, so they are not run twice under two codes.
  const ok = <K extends 'files' | 'chain'>(k: K) => (shared[k]?.status === 'ok' ? { [k]: shared[k] } : {});
  const facts: Facts = { now, preflight, ...ok('files'), ...ok('chain') };
  const findings = sortFindings(preflightFindings(runRules(RULES, facts)));
  const onGithub = env.GITHUB_ACTIONS === 'true';
  const format = opts.json ? 'json' : opts.format ?? 'text';
  const report = { command: 'preflight', json: preflightJson(preflight), findings, body: (style: Parameters<typeof preflightBody>[1]) => preflightBody(preflight, style) };
  const seconds = (performance.now() - started) / 1000;

  // Only outputs the user (or the CI convention) asked for are written: --junit FILE, the step summary.
  if (opts.junit) {
    try {
      replaceOutputFile(opts.junit, fileContent(renderJunit(preflight.checks, { timestamp: now, hostname: hostname(), timeSeconds: seconds }), 'xml'));
    } catch (e) {
      await writeErr(`credcheck: cannot write --junit ${opts.junit}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      finish(EXIT_USAGE);
      return;
    }
  }
  if (env.GITHUB_STEP_SUMMARY && (onGithub || format === 'github')) {
    // Append, never overwrite: other steps' summaries share this file.
    try {
      appendOutputFile(env.GITHUB_STEP_SUMMARY, fileContent(renderStepSummary(preflight.checks, findings), 'markdown'));
    } catch {
      await writeErr(`credcheck: cannot append to GITHUB_STEP_SUMMARY (${env.GITHUB_STEP_SUMMARY})\n`);
    }
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
