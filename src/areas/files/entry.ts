import { Option } from 'commander';
import type { AreaEntry } from '../../kernel/area-entry.js';

/** The files area: `credcheck file`'s flags and help; its definition (./area.ts) loads when it runs. */
export const filesEntry: AreaEntry = {
  key: 'files',
  load: async () => (await import('./area.js')).filesArea,
  command: {
    name: 'file',
    summary: 'what the SDK really reads from the shared credentials and config files',
    description:
      'Locates ~/.aws/credentials and ~/.aws/config exactly as the AWS SDK does, reads them with the SDK\'s own parser, and reports what it silently drops or misreads: misnamed sections, mistyped keys, incomplete or expired profiles, dangling references, unsafe permissions. Never writes to the files.',
    options: [
      new Option('-p, --profile <name>', 'profile to focus on (default: $AWS_PROFILE, then "default")'),
      new Option('--credentials-file <path>', 'read this credentials file instead ($AWS_SHARED_CREDENTIALS_FILE)'),
      new Option('--config-file <path>', 'read this config file instead ($AWS_CONFIG_FILE)'),
    ],
    help: `
Examples:
  $ credcheck file                                  lint both files for the current profile
  $ credcheck file --profile deploy                 focus on one profile
  $ credcheck file --credentials-file ./creds --json
  $ sudo credcheck file                             see what root reads (HOME may differ)
`,
  },
};
