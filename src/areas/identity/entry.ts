import { Option } from 'commander';
import type { AreaEntry } from '../../kernel/area-entry.js';
import { UsageError } from '../../kernel/errors.js';

function accountId(v: string): string {
  if (!/^\d{12}$/.test(v.trim())) throw new UsageError(`--expect-account: "${v}" is not a 12-digit account id`);
  return v.trim();
}

/** The identity area: `credcheck identity`'s flags and help; its definition (./area.ts) loads when it runs. */
export const identityEntry: AreaEntry = {
  key: 'identity',
  load: async () => (await import('./area.js')).identityArea,
  command: {
    name: 'identity',
    summary: 'ask STS who these credentials are, and explain every way that can fail',
    description:
      'Resolves credentials exactly as the AWS SDK for JavaScript v3 does (default chain, or --profile), calls STS GetCallerIdentity (no permission needed, cannot be denied) and reports the account, ARN, principal type, key source, region and endpoint used and why, latency, and AWS\'s clock against ours. On failure it diagnoses the cause — expired session, unknown or deleted key, ASIA key without token, wrong secret vs wrong clock, disabled region, throttling, DNS/firewall/TLS interception, proxy problems — with a fix. Honours AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL / endpoint_url and HTTPS_PROXY / NO_PROXY.',
    options: [
      new Option('-p, --profile <name>', 'profile to use (default: the SDK default chain: environment, $AWS_PROFILE or "default", …)'),
      new Option('-r, --region <region>', 'region whose STS endpoint to ask (default: $AWS_REGION, profile region, else us-east-1)'),
      new Option('--expect-account <id>', 'error finding unless the credentials belong to this 12-digit account').argParser(accountId),
      new Option('--expect-arn <glob>', 'error finding unless the caller ARN matches this pattern (* and ? wildcards)'),
    ],
    help: `
Examples:
  $ credcheck identity                                   who does the default chain make me?
  $ credcheck identity --profile prod --region eu-west-1
  $ credcheck identity --expect-account 123456789012     fail (exit 1) if it is another account
  $ credcheck identity --expect-arn 'arn:aws:sts::*:assumed-role/deployer/*' --json
  $ HTTPS_PROXY=http://proxy:3128 credcheck identity     test the route through a proxy
`,
  },
};
