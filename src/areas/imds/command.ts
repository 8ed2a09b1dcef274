import { Command } from 'commander';
import { addCommonOptions, EXIT_CODES_HELP } from '../../kernel/options.js';
import type { ImdsCommandOptions } from './area.js';

export function imdsCommand(): Command {
  const cmd = new Command('imds')
    .summary('probe the EC2 instance metadata service and container credential endpoints')
    .description(
      'Runs the IMDS conversation step by step, each with its own short deadline: IMDSv2 token, IMDSv1 GET, role name, role credentials (Code, expiry, rotation), instance profile and identity document. Tells "not on EC2" from hop limit, IMDSv1 disabled, no instance profile, throttling, a failing role and proxies; probes AWS_CONTAINER_CREDENTIALS_* endpoints as the SDK does. The endpoint follows the SDK (AWS_EC2_METADATA_SERVICE_ENDPOINT, _ENDPOINT_MODE, config file). Off EC2 (per /sys DMI) the default endpoint is not contacted at all. Never prints secret keys or tokens.',
    )
    .option('--endpoint <url>', 'probe this metadata endpoint instead of the SDK\'s (e.g. http://127.0.0.1:1338)');
  addCommonOptions(cmd).addHelpText(
    'after',
    `
Examples:
  $ credcheck imds                                   on an instance, in a container, or to confirm "not on EC2"
  $ credcheck imds --json                            machine-readable steps and findings
  $ credcheck imds --endpoint http://127.0.0.1:1338  probe an IMDS emulator
  $ AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=IPv6 credcheck imds
${EXIT_CODES_HELP}`,
  );
  return cmd.action(async (opts: ImdsCommandOptions) => {
    // Loaded on use: --help stays fast. The one runner serves every area and doctor.
    const [{ runAreaCommand }, { imdsArea }] = await Promise.all([import('../runner.js'), import('./area.js')]);
    await runAreaCommand(imdsArea, opts);
  });
}
