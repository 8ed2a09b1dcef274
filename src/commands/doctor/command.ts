import { Command, InvalidArgumentError } from 'commander';
import { addCommonOptions, EXIT_CODES_HELP } from '../../kernel/options.js';
import type { DoctorOptions } from './options.js';


function collectPid(value: string, previous: number[]): number[] {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('a PID is a positive whole number');
  return [...previous, Number(value)];
}

export function doctorCommand(): Command {
  const cmd = new Command('doctor')
    .summary('the whole diagnosis in one bounded run (start here)')
    .description(
      'Checks the shared files, the credential provider chain, the identity STS attributes the credentials to, the clock, and the instance metadata service, concurrently and within one deadline, then cross-checks them: one line per area, the findings most important first, each with its fix, and a verdict. With --pid it also inspects running processes that are failing: which credentials they use and whether they started before the last rotation.',
    )
    .option('-p, --profile <name>', 'profile to diagnose (default: $AWS_PROFILE, then "default")')
    .option('--pid <pid>', 'inspect a running process (Linux /proc); repeatable', collectPid, [])
    .option('--offline', 'no network at all: files, chain without STS/IMDS, processes')
    .option('--timeout <duration>', 'overall deadline (e.g. 3s, 1500ms)', '3s')
    .option('--ssm-runtime-config <path>', 'SSM agent identity_config.json ($CREDCHECK_SSM_RUNTIME_CONFIG)');
  addCommonOptions(cmd).addHelpText(
    'after',
    `
Examples:
  $ credcheck doctor                           diagnose this host
  $ credcheck doctor --pid $(pgrep -f codedeploy-agent)
                                               why does this running agent get ExpiredToken?
  $ credcheck doctor --profile deploy --json   everything, machine-readable
  $ credcheck doctor --offline                 no network: files, chain and processes only
${EXIT_CODES_HELP}`,
  );
  return cmd.action(async (opts: DoctorOptions) => {
    const { runDoctor } = await import('./run.js');
    await runDoctor(opts);
  });
}
