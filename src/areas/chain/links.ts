import {
  fromContainerMetadata, fromEnv, fromHttp, fromIni, fromInstanceMetadata, fromProcess, fromTokenFile,
} from '@aws-sdk/credential-providers';
import { attempt, type Attempt, type Creds } from './attempt.js';
import type { SharedResolution } from '../../sdk/shared-resolution.js';

/** Bounds per link (the brief: IMDS/container ~1 s, STS a few seconds, local work less). */
export const REMOTE_TIMEOUT_MS = 1000;
/**
 * The SDK's IMDS provider makes up to two sequential requests before it gives up or succeeds (a token
 * PUT that may time out, then an IMDSv1 GET), each with REMOTE_TIMEOUT_MS: bounding the link by one
 * timeout would call a hop-limited IMDS "failed" where the SDK succeeds through the v1 fallback.
 */
export const IMDS_LINK_DEADLINE_MS = 2 * REMOTE_TIMEOUT_MS + 300;
export const STS_DEADLINE_MS = 4000;
export const LOCAL_DEADLINE_MS = 3500;

/** Swallows the SDK's console warnings into a list instead of printing them. */
export function captureLogger(warnings: string[]) {
  return {
    debug() {},
    info() {},
    warn(...args: unknown[]) {
      warnings.push(args.map(String).join(' ').split('\n')[0]!.trim());
    },
    error() {},
  };
}

type Logger = ReturnType<typeof captureLogger>;

export function runEnv(logger: Logger): Promise<Attempt> {
  return attempt('fromEnv', LOCAL_DEADLINE_MS, () => fromEnv({ logger })() as Promise<Creds>);
}

/** With `shared`, a profile that needs STS is resolved once per run for every area (see SharedResolution). */
export function runIni(profile: string | undefined, needsSts: boolean, logger: Logger, shared?: SharedResolution, name = profile ?? 'default'): Promise<Attempt> {
  const resolve = () => fromIni({ profile, ignoreCache: true, logger })() as Promise<Creds>;
  return attempt('fromIni', needsSts ? STS_DEADLINE_MS : LOCAL_DEADLINE_MS, () =>
    (shared && needsSts ? shared.profile(name, resolve) : resolve()) as Promise<Creds>,
  );
}

export function runProcess(profile: string | undefined, logger: Logger): Promise<Attempt> {
  return attempt('fromProcess', LOCAL_DEADLINE_MS, () => fromProcess({ profile, ignoreCache: true, logger })() as Promise<Creds>);
}

export function runTokenFile(logger: Logger): Promise<Attempt> {
  return attempt('fromTokenFile', STS_DEADLINE_MS, () => fromTokenFile({ logger })() as Promise<Creds>);
}

/** remoteProvider's container branch: chain(fromHttp, fromContainerMetadata). */
export function runContainer(logger: Logger): Promise<Attempt> {
  return attempt('container endpoint', REMOTE_TIMEOUT_MS, async () => {
    try {
      return (await fromHttp({ logger, timeout: REMOTE_TIMEOUT_MS, maxRetries: 0 })()) as Creds;
    } catch (error) {
      // In remoteProvider, fromHttp(init) is constructed before the chain runs: a URL it rejects
      // ends the remote link there, and fromContainerMetadata is never tried.
      if (!(error as { tryNextLink?: boolean })?.tryNextLink || /^(URL not accepted|No HTTP credential provider host)/.test((error as Error).message)) throw error;
      return (await fromContainerMetadata({ logger, timeout: REMOTE_TIMEOUT_MS, maxRetries: 0 })()) as Creds;
    }
  });
}

export function runImds(profile: string | undefined, logger: Logger): Promise<Attempt> {
  return attempt('IMDS', IMDS_LINK_DEADLINE_MS, () =>
    fromInstanceMetadata({ logger, timeout: REMOTE_TIMEOUT_MS, maxRetries: 0, profile } as never)() as Promise<Creds>,
  );
}
