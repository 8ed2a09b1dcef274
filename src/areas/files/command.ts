import { Command } from 'commander';
import { addCommonOptions, EXIT_CODES_HELP } from '../../kernel/options.js';
import type { FileCommandOptions } from './area.js';

export function fileCommand(): Command {
  const cmd = new Command('file')
    .summary('what the SDK really reads from the shared credentials and config files')
    .description(
      'Locates ~/.aws/credentials and ~/.aws/config exactly as the AWS SDK does, reads them with the SDK\'s own parser, and reports what it silently drops or misreads: misnamed sections, mistyped keys, incomplete or expired profiles, dangling references, unsafe permissions. Never writes to the files.',
    )
    .option('-p, --profile <name>', 'profile to focus on (default: $AWS_PROFILE, then "default")')
    .option('--credentials-file <path>', 'read this credentials file instead ($AWS_SHARED_CREDENTIALS_FILE)')
    .option('--config-file <path>', 'read this config file instead ($AWS_CONFIG_FILE)');
  addCommonOptions(cmd).addHelpText(
    'after',
    `
Examples:
  $ credcheck file                                  lint both files for the current profile
  $ credcheck file --profile deploy                 focus on one profile
  $ credcheck file --credentials-file ./creds --json
  $ sudo credcheck file                             see what root reads (HOME may differ)
${EXIT_CODES_HELP}`,
  );
  return cmd.action(async (opts: FileCommandOptions) => {
    // Loaded on use: --help stays fast. The one runner serves every area and doctor.
    const [{ runAreaCommand }, { filesArea }] = await Promise.all([import('../runner.js'), import('./area.js')]);
    await runAreaCommand(filesArea, opts);
  });
}
