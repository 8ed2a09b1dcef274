import type { ProfileConfig } from './config.js';

export type EndpointSource =
  | 'AWS_ENDPOINT_URL_STS' | 'AWS_ENDPOINT_URL' | 'services section' | 'profile endpoint_url' | 'regional default';

export interface StsEndpoint {
  url: string;
  source: EndpointSource;
  /** Set when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS / ignore_configured_endpoint_urls switched overrides off. */
  ignoredOverrides?: boolean;
  /** A [services x] section the profile names but the config file lacks: the SDK throws on it. */
  missingServicesSection?: string;
}

function truthy(v: string | undefined): boolean {
  return v !== undefined && v.toLowerCase() === 'true';
}

/**
 * STS endpoint as the JavaScript SDK picks it (@smithy/core endpoints getEndpointFromConfig +
 * getEndpointUrlConfig("STS")): unless ignore_configured_endpoint_urls is true (env first),
 * AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, then the profile's `services` section `sts.endpoint_url`,
 * then the profile's endpoint_url; else the regional endpoint (v3 uses regional STS endpoints).
 * The clock command uses the same endpoint for its Date-header reference.
 */
export function resolveStsEndpoint(env: NodeJS.ProcessEnv, region: string, profile?: ProfileConfig): StsEndpoint {
  const regional = `https://sts.${region}.${region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}`;
  const ignoreEnv = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS;
  const ignore = ignoreEnv !== undefined ? truthy(ignoreEnv) : truthy(profile?.values.ignore_configured_endpoint_urls);
  if (ignore) return { url: regional, source: 'regional default', ignoredOverrides: true };
  if (env.AWS_ENDPOINT_URL_STS) return { url: env.AWS_ENDPOINT_URL_STS, source: 'AWS_ENDPOINT_URL_STS' };
  if (env.AWS_ENDPOINT_URL) return { url: env.AWS_ENDPOINT_URL, source: 'AWS_ENDPOINT_URL' };
  const servicesName = profile?.values.services;
  if (servicesName) {
    const section = profile!.services[servicesName];
    if (!section) return { url: regional, source: 'regional default', missingServicesSection: servicesName };
    const url = section['sts.endpoint_url'];
    if (url) return { url, source: 'services section' };
  }
  if (profile?.values.endpoint_url) return { url: profile.values.endpoint_url, source: 'profile endpoint_url' };
  return { url: regional, source: 'regional default' };
}
