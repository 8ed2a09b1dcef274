import type { ProfileConfig } from './config.js';

export type RegionSource = 'flag' | 'AWS_REGION' | 'profile' | 'fallback';

export interface RegionChoice {
  region: string;
  source: RegionSource;
  /** Why this region, in words (shown to the user). */
  why: string;
  /** AWS_DEFAULT_REGION is set but the JavaScript SDK never reads it (only the CLI/botocore do). */
  ignoredDefaultRegion?: string;
}

/** GetCallerIdentity answers in every region; us-east-1 is where the global endpoint lives. */
export const FALLBACK_REGION = 'us-east-1';

/**
 * The JavaScript SDK's order (NODE_REGION_CONFIG_OPTIONS in @smithy/core config-resolver):
 * AWS_REGION, then the profile's `region` (credentials file first), then — since 2025 — the
 * instance's region from IMDS, else "Region is missing". AWS_DEFAULT_REGION is not read.
 * credcheck never asks IMDS for a region here (that is the imds command's job) and falls back to
 * us-east-1 instead, saying so.
 */
export function resolveRegion(flag: string | undefined, env: NodeJS.ProcessEnv, profile?: ProfileConfig): RegionChoice {
  const ignoredDefaultRegion = env.AWS_DEFAULT_REGION && !env.AWS_REGION ? env.AWS_DEFAULT_REGION : undefined;
  const extra = ignoredDefaultRegion ? { ignoredDefaultRegion } : {};
  if (flag) return { region: flag, source: 'flag', why: '--region', ...extra };
  if (env.AWS_REGION) return { region: env.AWS_REGION, source: 'AWS_REGION', why: 'AWS_REGION', ...extra };
  const fromProfile = profile?.values.region;
  if (fromProfile) return { region: fromProfile, source: 'profile', why: `region in profile "${profile!.name}"`, ...extra };
  return {
    region: FALLBACK_REGION,
    source: 'fallback',
    why: `no region configured (AWS_REGION unset, profile "${profile?.name ?? 'default'}" has no region); credcheck used ${FALLBACK_REGION}, where GetCallerIdentity answers as anywhere — an SDK client would try IMDS for a region and otherwise fail with "Region is missing"`,
    ...extra,
  };
}

/**
 * The region a tool would find configured, without the fallback: what `preflight --require-region`
 * asks. The JavaScript SDK's sources first (AWS_REGION, the profile's region); AWS_DEFAULT_REGION
 * counts too, but only the AWS CLI and botocore read it, and the source says so.
 */
export function configuredRegion(env: NodeJS.ProcessEnv, profile?: ProfileConfig): { name: string; source: string } | undefined {
  const r = resolveRegion(undefined, env, profile);
  if (r.source !== 'fallback') return { name: r.region, source: r.why };
  if (r.ignoredDefaultRegion) return { name: r.ignoredDefaultRegion, source: 'AWS_DEFAULT_REGION (read by the AWS CLI and botocore, not by the JavaScript SDK)' };
  return undefined;
}
