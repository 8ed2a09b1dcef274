import { Command } from 'commander';
import { EXIT_CODES_HELP } from '../../kernel/options.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function watchCommand(): Command {
  const cmd = new Command('watch')
    .summary('follow credential rotation live on every source of a host; alert before anything expires')
    .description(
      "Follows the credentials a host uses and prints one line per event. Sources: profiles of shared credentials files (directory watch plus a stat poll, so rename-over, truncate-in-place, delete-and-recreate and a vanished directory are all survived; a half-written file is re-read until it parses), the SSM agent's share file with the expiry from its runtime config (re-read on every rotation), IMDS role credentials, the container credentials endpoint, and the environment of chosen processes. With a process that uses a shared file, a process started before the last rotation and not restarted is a stale-process event. --validate calls STS GetCallerIdentity with each source's keys (jittered, rate-limited, and after each rotation) and measures the clock offset against STS's Date header. --textfile keeps a Prometheus node_exporter textfile (atomic rename). A role, SSO or credential_process profile has no keys in a file: watch says what to watch instead.",
    )
    .option('--profile <name>', 'profile of the shared credentials file to follow; repeatable (default: $AWS_PROFILE, else default)', collect)
    .option('--file <path[#profile]>', 'another credentials file (and profile); repeatable', collect)
    .option('--ssm', "follow the SSM agent's share file named in its runtime config")
    .option('--imds [url]', 'follow IMDS role credentials (default endpoint: as the SDK resolves it)')
    .option('--imds-interval <duration>', 'how often IMDS and container endpoints are asked (at least 1s)', '1m')
    .option('--container [url]', 'follow the container credentials endpoint (default: AWS_CONTAINER_CREDENTIALS_*)')
    .option('--pid <pid>', 'follow a process: its environment keys, or staleness against the file it uses; repeatable', collect)
    .option('--process <name>', 'like --pid, for every process with this name (comm); repeatable', collect)
    .option('--all', 'discover what this host uses: profiles with keys, the SSM share file, IMDS (on EC2 or with an endpoint set), the container endpoint')
    .option('--validate [interval]', 'STS GetCallerIdentity with each source\'s keys at this interval ±20% (default 5m) and after each rotation; also the clock offset')
    .option('--clock-interval <duration>', 'with --validate: how often the clock offset is measured', '10m')
    .option('--heartbeat <duration>', 'print a heartbeat event this often', '5m')
    .option('--region <region>', 'region for STS (default: AWS_REGION, else us-east-1)')
    .option('--interval <duration>', 'poll and check interval', '5s')
    .option('--warn-before <duration>', 'emit expiring when less than this is left', '10m')
    .option('--json', 'one JSON object per line (NDJSON, schemaVersion 1)')
    .option('--textfile <path>', 'maintain a Prometheus node_exporter textfile here (atomic rename)')
    .option('--exit-on <kind>', 'exit 1 at the first error event (expired, stalled, file-unreadable, unreachable, validation-failed, stale-process, …); only "error"')
    .option('--count <n>', 'stop after this many events')
    .option('--for <duration>', 'stop after this long')
    .option('--ssm-runtime-config <path>', 'SSM agent identity_config.json (default: $CREDCHECK_SSM_RUNTIME_CONFIG, else the agent path)')
    .option('--show-key-ids', 'print access key ids in full')
    .option('--debug', 'print stack traces of internal errors (secrets stay redacted)');
  cmd.addHelpText(
    'after',
    `
Examples:
  $ credcheck watch
  $ credcheck watch --profile ssm --json --textfile /var/lib/node_exporter/credcheck.prom
  $ credcheck watch --all --validate 10m --process codedeploy-agent
  $ credcheck watch --imds --imds-interval 2m --validate
  $ credcheck watch --file /etc/app/credentials#app --pid 4242
  $ credcheck watch --exit-on error --warn-before 15m
${EXIT_CODES_HELP}
  With watch, exit 1 means --exit-on error saw an error event; exit 2 also when the only
  profile asked for has no keys in a file (role, SSO, credential_process): the message says
  what to watch instead.`,
  );
  return cmd.action(async (opts) => {
    const { runWatch } = await import('./run.js');
    const { finish } = await import('../../kernel/finish.js');
    finish(await runWatch(opts));
  });
}
