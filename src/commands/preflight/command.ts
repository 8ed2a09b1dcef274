import { Command, InvalidArgumentError, Option } from 'commander';
import { addCommonOptions, EXIT_CODES_HELP } from '../../kernel/options.js';
import type { PreflightCommandOptions } from './options.js';


function collectAccount(value: string, previous: string[]): string[] {
  if (!/^\d{12}$/.test(value)) throw new InvalidArgumentError('an AWS account id is 12 digits');
  return [...previous, value];
}

export function preflightCommand(): Command {
  const cmd = new Command('preflight')
    .summary('a CI gate: fail fast, before credentials fail mid-pipeline')
    .description(
      'Resolves the credentials the job will use, validates them with STS GetCallerIdentity, measures the clock against AWS\'s Date header, and checks each expectation (time to live, account, ARN, key type, clock skew, region, web identity token) as a pass/fail check with a reason. Speaks CI: GitHub annotations and job summary, JUnit XML, JSON. Finishes in well under 10 s even when endpoints are black-holed.',
    )
    .option('--min-ttl <duration>', 'credentials must stay valid this long (e.g. 70m, 1h30m): the job\'s length')
    .option('--expect-account <id>', 'the account must be this one; repeatable (any match passes)', collectAccount, [])
    .option('--expect-arn <glob>', 'the caller ARN must match this glob (* any characters, ? one)')
    .option('--deny-long-term-keys', 'fail on IAM user keys (AKIA…)')
    .option('--max-clock-skew <duration>', 'largest tolerated clock offset from AWS', '60s')
    .option('--require-region', 'fail when no region is configured')
    .option('--strict', 'unknown expiry and unverifiable expectations fail instead of warn')
    .addOption(new Option('--format <format>', 'output format (default text; under GITHUB_ACTIONS=true text plus annotations)').choices(['text', 'json', 'junit', 'github']))
    .option('--junit <file>', 'also write a JUnit XML report to this file')
    .option('--offline', 'do not call STS: only local checks; says what was not verified')
    .option('-p, --profile <name>', 'profile to check (default: $AWS_PROFILE, then the SDK chain)');
  addCommonOptions(cmd).addHelpText(
    'after',
    `
Examples:
  $ credcheck preflight --min-ttl 70m                    will the credentials outlive a 70-minute deploy?
  $ credcheck preflight --expect-account 123456789012 --expect-arn 'arn:aws:sts::*:assumed-role/deploy/*'
  $ credcheck preflight --deny-long-term-keys --require-region --strict
  $ credcheck preflight --format junit > preflight.xml   or: --junit preflight.xml
  $ credcheck preflight --offline --json                 local checks only, machine-readable

A failing check is an error finding, a warning check a warning finding (exit 1 only with --fail-on warning).
${EXIT_CODES_HELP}`,
  );
  return cmd.action(async (opts: PreflightCommandOptions) => {
    const { runPreflight } = await import('./run.js');
    await runPreflight(opts);
  });
}
