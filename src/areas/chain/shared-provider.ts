import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { FileFacts } from '../files/facts.js';
import type { SharedResolution } from '../../sdk/shared-resolution.js';
import { iniNeedsSts } from './probe.js';

/**
 * The provider an identity call should sign with so that it reuses the chain's resolution: when
 * the selected profile needs STS (role, web identity, SSO) and wins the chain (a profile is
 * selected, or no keys are exported), the one shared fromIni result; otherwise undefined (the
 * SDK's own default chain, which calls nothing remote for these sources).
 */
export async function sharedProfileProvider(shared: SharedResolution, files: FileFacts, env: NodeJS.ProcessEnv, profileFlag: string | undefined): Promise<AwsCredentialIdentityProvider | undefined> {
  const profile = files.profiles.find((p) => p.name === files.profile.name);
  const envWins = !(profileFlag ?? env.AWS_PROFILE) && Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY);
  if (envWins || !iniNeedsSts(profile, files.profiles)) return undefined;
  const { fromIni } = await import('@aws-sdk/credential-providers');
  const name = files.profile.name;
  return () => shared.profile(name, () => fromIni({ ...(profileFlag ? { profile: profileFlag } : {}), ignoreCache: true })());
}
