import { Command } from 'commander';
import { addCommonOptions, EXIT_CODES_HELP } from '../../kernel/options.js';
import type { ChainCommandOptions } from './area.js';
import { MODELLED_PACKAGES, sdkVersions } from './versions.js';

export function chainCommand(): Command {
  const cmd = new Command('chain')
    .summary('which source in the SDK default chain supplies the credentials, what it shadows, when it expires')
    .description(
      "Walks the AWS SDK for JavaScript v3 default credential chain in its real order (env → SSO inputs → ini profile → credential_process → web identity token file → container or IMDS), resolving every link with the SDK's own provider functions, and reports which one is active, which are shadowed, failed (with the real reason the SDK swallows) or skipped. The winner is cross-checked against fromNodeProviderChain(). Never writes to any file; never prints a secret.",
    )
    .option('-p, --profile <name>', 'profile to resolve, as a client `profile` option would (default: $AWS_PROFILE, then "default")')
    .option('--offline', 'make no network call (no STS, IMDS or container endpoint); say what was not verified')
    .option('--ssm-runtime-config <path>', 'the SSM agent identity_config.json ($CREDCHECK_SSM_RUNTIME_CONFIG, default /var/lib/amazon/ssm/runtimeconfig/identity_config.json)');
  addCommonOptions(cmd).addHelpText('after', () => {
    const v = sdkVersions();
    return `
Modelled SDK packages (read from node_modules at run time):
${MODELLED_PACKAGES.map((p) => `  ${p}@${v[p]}`).join('\n')}

Examples:
  $ credcheck chain                          which link supplies credentials, and what it shadows
  $ credcheck chain --profile deploy         resolve one profile (role chains, process, SSO)
  $ credcheck chain --offline --json         no network calls; JSON for scripts
  $ credcheck chain --ssm-runtime-config ./identity_config.json
${EXIT_CODES_HELP}`;
  });
  return cmd.action(async (opts: ChainCommandOptions) => {
    // Loaded on use: --help stays fast. The one runner serves every area and doctor.
    const [{ runAreaCommand }, { chainArea }] = await Promise.all([import('../runner.js'), import('./area.js')]);
    await runAreaCommand(chainArea, opts);
  });
}
