import {
  fromContainerMetadata, fromEnv, fromHttp, fromIni, fromInstanceMetadata, fromProcess, fromTokenFile,
} from '@aws-sdk/credential-providers';
import { attempt, type Attempt, type Creds } from './attempt.js';

/** Bounds per link (the brief: IMDS/container ~1 s, STS a few seconds, local work less). */
export const REMOTE_TIMEOUT_MS = 1000;
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

export function runIni(profile: string | undefined, needsSts: boolean, logger: Logger): Promise<Attempt> {
  return attempt('fromIni', needsSts ? STS_DEADLINE_MS : LOCAL_DEADLINE_MS, () =>
    fromIni({ profile, ignoreCache: true, logger })() as Promise<Creds>,
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
  // The SDK itself would wait up to ~2 s on a black hole (1 s token PUT, then a 1 s IMDSv1 GET);
  // credcheck bounds the whole link at about 1 s and says so in the reason.
  return attempt('IMDS', REMOTE_TIMEOUT_MS, () =>
    fromInstanceMetadata({ logger, timeout: REMOTE_TIMEOUT_MS, maxRetries: 0, profile } as never)() as Promise<Creds>,
  );
}
