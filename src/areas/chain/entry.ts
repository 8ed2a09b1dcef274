import { InvalidArgumentError, Option } from 'commander';
import type { AreaEntry } from '../../kernel/area-entry.js';
import type { ChainCommandOptions } from './area.js';
import { MODELLED_PACKAGES, sdkVersions } from './versions.js';
import { SDK_HELP_TEXT } from './sdk-help.js';

/** --sdk js,python,…: the names a user types (python and cli are botocore). */
async function parseSdks(value: string): Promise<string[]> {
  const { SDK_NAMES } = await import('../../sdk/models/catalog.js');
  const names = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const n of names) {
    if (!SDK_NAMES[n]) throw new InvalidArgumentError(`unknown SDK "${n}"; use js, python, cli, ruby, go, java or all`);
  }
  return names;
}

/** The chain area: `credcheck chain`'s flags and help; its definition (./area.ts) loads when it runs. */
export const chainEntry: AreaEntry = {
  key: 'chain',
  load: async () => (await import('./area.js')).chainArea,
  command: {
    name: 'chain',
    summary: 'which source in the SDK default chain supplies the credentials, what it shadows, when it expires',
    description:
      "Walks the AWS SDK for JavaScript v3 default credential chain in its real order (env → SSO inputs → ini profile → credential_process → web identity token file → container or IMDS), resolving every link with the SDK's own provider functions, and reports which one is active, which are shadowed, failed (with the real reason the SDK swallows) or skipped. The winner is cross-checked against fromNodeProviderChain(). Never writes to any file; never prints a secret.",
    options: [
      new Option('-p, --profile <name>', 'profile to resolve, as a client `profile` option would (default: $AWS_PROFILE, then "default")'),
      new Option('--offline', 'make no network call (no STS, IMDS or container endpoint); say what was not verified'),
      new Option('--sdk <names>', 'answer as other SDKs too: js, python, cli, ruby, go, java or all (comma-separated)'),
      new Option('--ssm-runtime-config <path>', 'the SSM agent identity_config.json ($CREDCHECK_SSM_RUNTIME_CONFIG, default /var/lib/amazon/ssm/runtimeconfig/identity_config.json)'),
    ],
    // Computed at --help time: the versions are read from node_modules.
    help: () => {
      const v = sdkVersions();
      return `
Modelled SDK packages (read from node_modules at run time):
${MODELLED_PACKAGES.map((p) => `  ${p}@${v[p]}`).join('\n')}

Other SDKs (--sdk; pure models of each SDK's source, checked against the real
SDK in test/oracles; Java against its source only):
${SDK_HELP_TEXT}

Examples:
  $ credcheck chain                          which link supplies credentials, and what it shadows
  $ credcheck chain --profile deploy         resolve one profile (role chains, process, SSO)
  $ credcheck chain --offline --json         no network calls; JSON for scripts
  $ credcheck chain --sdk all                what Node, boto3/the AWS CLI, Ruby, Go and Java would each use
  $ credcheck chain --sdk all --profile ci   the same, for a program that names profile ci itself
  $ credcheck chain --sdk python --json      the botocore answer, with why each other link loses
  $ credcheck chain --ssm-runtime-config ./identity_config.json
`;
    },
    // --sdk is checked when the command runs (the model catalog loads then), as a usage error naming the flag.
    async parse(raw, cmd) {
      const { sdk: named, ...rest } = raw as Omit<ChainCommandOptions, 'sdk'> & { sdk?: string };
      let sdk: string[] | undefined;
      try {
        sdk = named === undefined ? undefined : await parseSdks(named);
      } catch (e) {
        cmd.error(`error: option '--sdk <names>': ${(e as Error).message}`, { exitCode: 2 });
      }
      return { ...rest, ...(sdk ? { sdk } : {}) } as ChainCommandOptions;
    },
  },
};
