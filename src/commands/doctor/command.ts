import { Command, InvalidArgumentError } from 'commander';
import { addCommonOptions, EXIT_CODES_HELP } from '../../kernel/options.js';
import type { DoctorOptions } from './options.js';


function collectPid(value: string, previous: Array<number | string>): Array<number | string> {
  if (/^\d+$/.test(value)) {
    if (Number(value) < 1) throw new InvalidArgumentError('a PID is a positive whole number');
    return [...previous, Number(value)];
  }
  if (!/^[\w.@+-]{1,64}$/.test(value)) throw new InvalidArgumentError('give a PID or a process name (letters, digits, . _ - @ +)');
  return [...previous, value];
}

export function doctorCommand(): Command {
  const cmd = new Command('doctor')
    .summary('the whole diagnosis in one bounded run (start here)')
    .description(
      'Checks the shared files, the credential provider chain, the identity STS attributes the credentials to, the clock, and the instance metadata service, concurrently and within one deadline, then cross-checks them: one line per area, the findings most important first, each with its fix, and a verdict. With --pid it also inspects running processes that are failing: which runtime and AWS SDK they run, which credentials that SDK took at start, whether it can see a rotated file, and the fix for that SDK. With --processes it does that for every process on the host that uses AWS credentials.',
    )
    .option('-p, --profile <name>', 'profile to diagnose (default: $AWS_PROFILE, then "default")')
    .option('--pid <pid|name>', 'inspect a running process by PID, or every process with that name (Linux /proc); repeatable', collectPid, [])
    .option('--processes', 'list the processes on this host that use AWS credentials: SDK, source, and whether they predate the last rotation')
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
  $ credcheck doctor --pid codedeploy-agent     every process of that name, with its SDK and fix
  $ sudo credcheck doctor --processes --offline
                                               who on this host still holds the old keys?
  $ credcheck doctor --profile deploy --json   everything, machine-readable
  $ credcheck doctor --offline                 no network: files, chain and processes only
${EXIT_CODES_HELP}
  doctor also exits 1 when an area could not be checked (--timeout too short, a crash):
  an unchecked area is not a healthy one.`,
  );
  return cmd.action(async (opts: DoctorOptions) => {
    const { runDoctor } = await import('./run.js');
    await runDoctor(opts);
  });
}
