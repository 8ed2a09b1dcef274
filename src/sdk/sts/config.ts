import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

/**
 * The merged view of one profile the SDK's config loaders use (credentials file wins key by key,
 * as in NODE_REGION_CONFIG_FILE_OPTIONS preferredFile "credentials"), plus the `[services x]`
 * sections endpoint_url resolution needs. Read with ignoreCache so a long-lived caller (watch,
 * doctor) never sees a stale file.
 */
export interface ProfileConfig {
  name: string;
  values: Record<string, string | undefined>;
  services: Record<string, Record<string, string | undefined>>;
}

export function profileName(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag || env.AWS_PROFILE || 'default';
}

export async function loadProfileConfig(name: string): Promise<ProfileConfig> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const values = { ...(configFile[name] ?? {}), ...(credentialsFile[name] ?? {}) } as Record<string, string | undefined>;
  const services: ProfileConfig['services'] = {};
  for (const [key, section] of Object.entries(configFile)) {
    // The loader keys [services x] sections as "services.x".
    if (key.startsWith('services.')) services[key.slice('services.'.length)] = section as Record<string, string | undefined>;
  }
  return { name, values, services };
}
