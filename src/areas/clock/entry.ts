import { Option } from 'commander';
import type { AreaEntry } from '../../kernel/area-entry.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The clock area: `credcheck clock`'s flags and help; its definition (./area.ts) loads when it runs. */
export const clockEntry: AreaEntry = {
  key: 'clock',
  load: async () => (await import('./area.js')).clockArea,
  command: {
    name: 'clock',
    summary: "how far off this host's clock is, by NTP and by AWS's own clock",
    description:
      "Measures this host's clock against NTP servers (several samples each, offset and round trip computed from the raw timestamps) and against the Date header of the AWS STS endpoint (the clock that judges request signatures), and shows the local time daemon's own view (chrony, timedatectl) when there is one. Every server is asked concurrently with a short deadline: the command finishes in about 2 s even when UDP 123 is blocked.",
    options: [
      new Option('--server <host[:port]>', 'NTP server to ask (repeatable; default: $CREDCHECK_NTP_SERVERS, else 169.254.169.123 on EC2, time.aws.com, pool.ntp.org)').argParser(collect),
      new Option('--sts-endpoint <url>', 'endpoint whose Date header is the AWS reference (default: $AWS_ENDPOINT_URL_STS, $AWS_ENDPOINT_URL, https://sts.$AWS_REGION.amazonaws.com)'),
    ],
    help: `
Sign convention:
  offset = local clock − reference. Positive: this clock is ahead; negative: behind.
  Text says it in words: "this clock is 4m12s behind".

Thresholds (on the best estimate):
  info     ≥ 1 s    not well synchronised
  warning  ≥ 60 s   some tools and signed URLs start failing
  error    ≥ 240 s  the AWS SDKs start correcting skew; AWS rejects signatures past ~5 min
  Also: a finding when NTP and the AWS Date header disagree beyond their uncertainty, and when no
  reference answered (NTP looks blocked when every NTP server stays silent).

Examples:
  $ credcheck clock
  $ credcheck clock --server 169.254.169.123 --server time.aws.com
  $ CREDCHECK_NTP_SERVERS=ntp1.corp:123,ntp2.corp credcheck clock --json
  $ credcheck clock --sts-endpoint https://sts.eu-west-1.amazonaws.com
`,
  },
};
