import { Option } from 'commander';
import type { AreaEntry } from '../../kernel/area-entry.js';

/** The metadata area: `credcheck imds`'s flags and help; its definition (./area.ts) loads when it runs. */
export const imdsEntry: AreaEntry = {
  key: 'imds',
  load: async () => (await import('./area.js')).imdsArea,
  command: {
    name: 'imds',
    summary: 'probe the EC2 instance metadata service and container credential endpoints',
    description:
      'Runs the IMDS conversation step by step, each with its own short deadline: IMDSv2 token, IMDSv1 GET, role name, role credentials (Code, expiry, rotation), instance profile and identity document. Tells "not on EC2" from hop limit, IMDSv1 disabled, no instance profile, throttling, a failing role and proxies; probes AWS_CONTAINER_CREDENTIALS_* endpoints as the SDK does. The endpoint follows the SDK (AWS_EC2_METADATA_SERVICE_ENDPOINT, _ENDPOINT_MODE, config file). Off EC2 (per /sys DMI) the default endpoint is not contacted at all. Never prints secret keys or tokens.',
    options: [new Option('--endpoint <url>', 'probe this metadata endpoint instead of the SDK\'s (e.g. http://127.0.0.1:1338)')],
    help: `
Examples:
  $ credcheck imds                                   on an instance, in a container, or to confirm "not on EC2"
  $ credcheck imds --json                            machine-readable steps and findings
  $ credcheck imds --endpoint http://127.0.0.1:1338  probe an IMDS emulator
  $ AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=IPv6 credcheck imds
`,
  },
};
