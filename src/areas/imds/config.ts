import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { ImdsConfig } from './facts.js';
import { imdsAddress } from '../../sdk/models/common.js';

export const IMDS_IPV4 = 'http://169.254.169.254';
export const IMDS_IPV6 = 'http://[fd00:ec2::254]';

const DEFAULT_ADDRESSES = new Set([imdsAddress(IMDS_IPV4), imdsAddress(IMDS_IPV6)]);
/**
 * Whether a URL reaches the default link-local IMDS ("host:port", as the SDK models key it), however
 * it was named: env, config file or mode alike (http://169.254.169.254:80/ included). The one test
 * for defaultImdsOffLimits' isDefault, shared by the imds and chain areas and the SDK world probe.
 */
export function isDefaultImdsUrl(url: string): boolean {
  return DEFAULT_ADDRESSES.has(imdsAddress(url));
}

/** The selected profile's merged settings, config file winning key by key (as the SDK's loadConfig does). */
async function profileSettings(env: NodeJS.ProcessEnv): Promise<Record<string, string | undefined>> {
  try {
    const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
    const profile = env.AWS_PROFILE || 'default';
    return { ...(credentialsFile[profile] ?? {}), ...(configFile[profile] ?? {}) };
  } catch {
    return {};
  }
}

/**
 * Resolves the endpoint and switches the way @smithy/credential-provider-imds does:
 * endpoint = env AWS_EC2_METADATA_SERVICE_ENDPOINT → config ec2_metadata_service_endpoint →
 * mode (env AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE → config ec2_metadata_service_endpoint_mode → IPv4).
 * v1 fallback is blocked by env AWS_EC2_METADATA_V1_DISABLED (any value but "false"), else by
 * config ec2_metadata_v1_disabled. AWS_EC2_METADATA_DISABLED is read by the Node chain (env only).
 */
export async function resolveImdsConfig(env: NodeJS.ProcessEnv, flagEndpoint?: string): Promise<ImdsConfig> {
  const problems: string[] = [];
  const settings = await profileSettings(env);
  let endpoint: string | undefined;
  let endpointSource = '';
  if (flagEndpoint) {
    endpoint = flagEndpoint;
    endpointSource = '--endpoint';
  } else if (env.AWS_EC2_METADATA_SERVICE_ENDPOINT) {
    endpoint = env.AWS_EC2_METADATA_SERVICE_ENDPOINT;
    endpointSource = 'env AWS_EC2_METADATA_SERVICE_ENDPOINT';
  } else if (settings.ec2_metadata_service_endpoint) {
    endpoint = settings.ec2_metadata_service_endpoint;
    endpointSource = 'config ec2_metadata_service_endpoint';
  } else {
    const fromEnv = env.AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE;
    const mode = fromEnv ?? settings.ec2_metadata_service_endpoint_mode ?? 'IPv4';
    const where = fromEnv !== undefined ? 'env AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE' : settings.ec2_metadata_service_endpoint_mode !== undefined ? 'config ec2_metadata_service_endpoint_mode' : 'default';
    // The SDK compares case-sensitively: "ipv6" is an error there, not IPv6.
    if (mode === 'IPv6') endpoint = IMDS_IPV6;
    else {
      if (mode !== 'IPv4') problems.push(`endpoint mode "${mode}" (${where}) is not IPv4 or IPv6: the SDK throws "Unsupported endpoint mode"`);
      endpoint = IMDS_IPV4;
    }
    endpointSource = `mode ${mode === 'IPv6' ? 'IPv6' : 'IPv4'} (${where})`;
  }
  try {
    new URL(endpoint);
  } catch {
    problems.push(`endpoint "${endpoint}" (${endpointSource}) is not a URL`);
  }
  const disabledValue = env.AWS_EC2_METADATA_DISABLED;
  const v1Env = env.AWS_EC2_METADATA_V1_DISABLED;
  let v1Disabled = false;
  let v1DisabledSource: string | undefined;
  if (v1Env !== undefined) {
    v1Disabled = !!v1Env && v1Env !== 'false';
    v1DisabledSource = `env AWS_EC2_METADATA_V1_DISABLED=${v1Env}`;
  } else if (settings.ec2_metadata_v1_disabled !== undefined) {
    v1Disabled = !!settings.ec2_metadata_v1_disabled && settings.ec2_metadata_v1_disabled !== 'false';
    v1DisabledSource = `config ec2_metadata_v1_disabled=${settings.ec2_metadata_v1_disabled}`;
  }
  const normalized = endpoint.replace(/\/+$/, '');
  return {
    endpoint: normalized,
    endpointSource,
    isDefaultEndpoint: isDefaultImdsUrl(normalized),
    disabled: !!disabledValue && disabledValue !== 'false',
    v1Disabled,
    ...(v1DisabledSource ? { v1DisabledSource } : {}),
    problems,
  };
}
