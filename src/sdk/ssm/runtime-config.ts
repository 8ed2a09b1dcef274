import { readSafely } from '../../areas/files/read.js';

/** Where the SSM agent (hybrid/on-prem) records the credentials it shares (field-notes §3). */
export const DEFAULT_SSM_RUNTIME_CONFIG = '/var/lib/amazon/ssm/runtimeconfig/identity_config.json';

export interface SsmRuntimeConfig {
  path: string;
  /** How the path was chosen: --ssm-runtime-config, $CREDCHECK_SSM_RUNTIME_CONFIG or default. */
  source: string;
  status: 'ok' | 'missing' | 'unreadable' | 'invalid';
  detail?: string;
  credentialsExpiresAt?: string;
  credentialsRetrievedAt?: string;
  shareFile?: string;
  shareProfile?: string;
  identityType?: string;
  instanceId?: string;
  mtime?: string;
}

export function locateSsmRuntimeConfig(env: NodeJS.ProcessEnv, flag?: string): { path: string; source: string } {
  if (flag) return { path: flag, source: '--ssm-runtime-config' };
  if (env.CREDCHECK_SSM_RUNTIME_CONFIG) return { path: env.CREDCHECK_SSM_RUNTIME_CONFIG, source: '$CREDCHECK_SSM_RUNTIME_CONFIG' };
  return { path: DEFAULT_SSM_RUNTIME_CONFIG, source: 'default' };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The agent writes Go zero times (0001-01-01T00:00:00Z) for "never": treat those as unset. */
function isoOrUndefined(v: unknown): string | undefined {
  const s = str(v);
  if (!s || s.startsWith('0001-01-01')) return undefined;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** Reads the agent's runtime identity config, bounded and read-only; never throws. */
export async function readSsmRuntimeConfig(env: NodeJS.ProcessEnv, flag?: string): Promise<SsmRuntimeConfig> {
  const where = locateSsmRuntimeConfig(env, flag);
  const read = await readSafely(where.path, 256 * 1024);
  const base: SsmRuntimeConfig = { ...where, status: 'ok' };
  if (read.mtimeMs !== undefined) base.mtime = new Date(read.mtimeMs).toISOString();
  if (read.status === 'missing') return { ...base, status: 'missing' };
  if (read.status !== 'ok' || read.text === undefined) return { ...base, status: 'unreadable', detail: read.detail ?? read.status };
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(read.text) as Record<string, unknown>;
    if (typeof doc !== 'object' || doc === null) throw new Error('not an object');
  } catch (error) {
    return { ...base, status: 'invalid', detail: `not JSON: ${(error as Error).message}` };
  }
  const out: SsmRuntimeConfig = { ...base };
  const expires = isoOrUndefined(doc.CredentialsExpiresAt);
  const retrieved = isoOrUndefined(doc.CredentialsRetrievedAt);
  if (expires) out.credentialsExpiresAt = expires;
  if (retrieved) out.credentialsRetrievedAt = retrieved;
  const shareFile = str(doc.ShareFile);
  const shareProfile = str(doc.ShareProfile);
  // Field names from amazon-ssm-agent common/runtimeconfig/identity_runtimeconfig.go.
  const identityType = str(doc.IdentityType);
  const instanceId = str(doc.InstanceId);
  if (shareFile) out.shareFile = shareFile;
  if (shareProfile) out.shareProfile = shareProfile;
  if (identityType) out.identityType = identityType;
  if (instanceId) out.instanceId = instanceId;
  return out;
}
