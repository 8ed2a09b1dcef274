import { arbitrate } from './arbitrate.js';
import { probeAwsDate } from './aws-date.js';
import { probeDaemons } from './daemon.js';
import { dateSettles } from './date-settles.js';
import type { ClockFacts, ClockReference } from './facts.js';
import { queryNtpServer, serverLabel } from './ntp.js';
import { looksLikeEc2 } from '../../sdk/ec2-host.js';
import { chooseServers } from './servers.js';
import { loadProfileConfig, profileName } from '../../sdk/sts/config.js';
import { resolveStsEndpoint } from '../../sdk/sts/endpoint.js';
import { resolveRegion } from '../../sdk/sts/region.js';

export interface ClockProbeOptions {
  env?: NodeJS.ProcessEnv;
  /** --server values (host[:port]); empty → CREDCHECK_NTP_SERVERS → defaults. */
  servers?: string[];
  stsEndpoint?: string;
  /** Skip the Date-header reference (e.g. doctor already has one). */
  awsDate?: boolean;
  /** Whole NTP budget; every server is queried concurrently within it. */
  ntpDeadlineMs?: number;
  replyTimeoutMs?: number;
  samples?: number;
  awsDeadlineMs?: number;
  daemonTimeoutMs?: number;
}

/** The STS endpoint `credcheck identity` would call: the clock that judges this host's signatures. */
async function stsEndpointInUse(env: NodeJS.ProcessEnv): Promise<string> {
  const profile = await loadProfileConfig(profileName(undefined, env)).catch(() => undefined);
  return resolveStsEndpoint(env, resolveRegion(undefined, env, profile).region, profile).url;
}

/** Concurrent NTP + Date header + daemon probes; bounded by the largest deadline (~1.5 s by default). */
export async function probeClock(opts: ClockProbeOptions = {}): Promise<ClockFacts> {
  const env = opts.env ?? process.env;
  const onEc2 = await looksLikeEc2(env);
  const servers = chooseServers(opts.servers, env, onEc2);
  const ntpDeadlineMs = opts.ntpDeadlineMs ?? 1500;
  const sts = opts.awsDate === false ? undefined : (opts.stsEndpoint ?? (await stsEndpointInUse(env)));
  const ntpRun = Promise.all(servers.map((s) => queryNtpServer(s, { samples: opts.samples ?? 4, replyTimeoutMs: opts.replyTimeoutMs ?? 800, deadlineMs: ntpDeadlineMs })));
  // The Date header is refined (up to a second per step) only while that could change a verdict.
  let ntpDone: ClockReference[] | undefined;
  const ntpSettled = ntpRun.then((r) => (ntpDone = r));
  const [ntp, aws, daemons] = await Promise.all([
    ntpRun,
    sts ? probeAwsDate(sts, opts.awsDeadlineMs ?? 1500, { settled: (b) => dateSettles(b, ntpDone), recheckOn: ntpSettled }) : Promise.resolve(undefined),
    probeDaemons(opts.daemonTimeoutMs ?? 1000),
  ]);
  const references: ClockReference[] = [...ntp, ...(aws ? [aws] : []), ...daemons];
  const facts: ClockFacts = {
    references,
    ntpServers: servers.map(serverLabel),
    ntpAllSilent: ntp.length > 0 && ntp.every((r) => r.error?.kind === 'timeout'),
    onEc2,
    ...(sts ? { stsEndpoint: sts } : {}),
  };
  const best = arbitrate(references).basis;
  if (best) {
    facts.offsetMs = best.offsetMs;
    facts.uncertaintyMs = best.uncertaintyMs;
    facts.basis = best.name;
  }
  return facts;
}
