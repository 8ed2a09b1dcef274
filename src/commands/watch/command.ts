import { Command } from 'commander';
import { EXIT_CODES_HELP } from '../../kernel/options.js';

export function watchCommand(): Command {
  const cmd = new Command('watch')
    .summary('follow credential rotation live; alert before anything expires')
    .description(
      "Follows the shared credentials file of the selected profile (directory watch plus a stat poll, so rename-over, truncate-in-place, delete-and-recreate and a vanished directory are all survived) and prints one line per event: started, rotated, expiring, expired, stalled, file-unreadable, recovered, stopped. A half-written file is re-read until it parses and reported only if it stays broken for 2 s. Expiry comes from the profile's expiry key or the SSM agent's identity_config.json.",
    )
    .option('--profile <name>', 'profile to follow (default: $AWS_PROFILE, else default)')
    .option('--interval <duration>', 'poll and check interval', '5s')
    .option('--warn-before <duration>', 'emit expiring when less than this is left', '10m')
    .option('--json', 'one JSON object per line (NDJSON, schemaVersion 1)')
    .option('--textfile <path>', 'maintain a Prometheus node_exporter textfile here (atomic rename)')
    .option('--exit-on <kind>', 'exit 1 at the first error event (expired, stalled, file-unreadable); only "error"')
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
  $ credcheck watch --exit-on error --warn-before 15m
  $ credcheck watch --json --for 1h --interval 10s
${EXIT_CODES_HELP}
  With watch, exit 1 means --exit-on error saw an error event.`,
  );
  return cmd.action(async (opts) => {
    const { runWatch } = await import('./run.js');
    const { finish } = await import('../../kernel/finish.js');
    finish(await runWatch(opts));
  });
}
