/**
 * Keeping the SDK's own default chain away from the default IMDS address off EC2. The chain and
 * identity areas run fromNodeProviderChain(); with nothing before it supplying credentials, its
 * last link calls 169.254.169.254, which off EC2 can only time out. The decision itself is
 * defaultImdsOffLimits (src/sdk/ec2-host.ts), shared with the imds area and watch.
 */
import { defaultImdsOffLimits, dmiHint } from '../../sdk/ec2-host.js';
import { resolveImdsConfig } from './config.js';

/** Thrown into the SDK's chain where it would call IMDS off EC2 (see stopBeforeImds). */
export class ImdsOffLimits extends Error {
  override name = 'ImdsOffLimits';
}

/**
 * Whether the SDK's remote link, in this environment, would call the default IMDS address on a
 * host DMI says is not EC2. Resolves to the endpoint and, when off limits, the reason naming the
 * DMI evidence. Undefined when the remote link is not IMDS (a container URI is set, or
 * AWS_EC2_METADATA_DISABLED): those are not this rule's business.
 */
export async function sdkImdsGate(env: NodeJS.ProcessEnv): Promise<{ endpoint: string; offLimits?: string } | undefined> {
  if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI) return undefined;
  if (env.AWS_EC2_METADATA_DISABLED && env.AWS_EC2_METADATA_DISABLED !== 'false') return undefined;
  const [config, dmi] = await Promise.all([resolveImdsConfig(env), dmiHint(env)]);
  const offLimits = defaultImdsOffLimits(dmi, { isDefault: config.isDefaultEndpoint });
  return { endpoint: config.endpoint, ...(offLimits ? { offLimits } : {}) };
}

interface Logger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/** What the SDK does with no logger: only its warnings reach the console. */
const CONSOLE_WARNINGS: Logger = { debug() {}, info() {}, warn: (...a) => console.warn(...a), error() {} };

/**
 * A logger for fromNodeProviderChain() that ends the chain just before its remote link: the SDK
 * logs "defaultProvider::remoteProvider" right before it, and an error thrown there without
 * tryNextLink stops the chain before any request is made. Use only when sdkImdsGate says off
 * limits (the remote link is then IMDS, never a container endpoint).
 */
export function stopBeforeImds(reason: string, logger: Logger = CONSOLE_WARNINGS): Logger {
  return {
    ...logger,
    debug(...args: unknown[]) {
      if (args.some((a) => String(a).includes('defaultProvider::remoteProvider'))) {
        throw new ImdsOffLimits(`Could not load credentials from any providers (IMDS not called: ${reason})`);
      }
      logger.debug(...args);
    },
  };
}
