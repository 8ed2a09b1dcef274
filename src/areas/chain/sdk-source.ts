/**
 * Maps the SDK's internal `$source` feature flags (set by setCredentialFeature in each provider)
 * onto credcheck's source vocabulary. Internal to the SDK, so only a cross-check, never the model.
 * fromInstanceMetadata and fromContainerMetadata in the default chain set no flag at all.
 */
export function sdkSourceOf(flags: Record<string, string> | undefined): string {
  const f = new Set(Object.keys(flags ?? {}));
  if (f.has('CREDENTIALS_ENV_VARS_STS_WEB_ID_TOKEN')) return 'token-file';
  if ([...f].some((k) => k.startsWith('CREDENTIALS_PROFILE'))) return 'ini';
  if (f.has('CREDENTIALS_PROCESS')) return 'process';
  if (f.has('CREDENTIALS_ENV_VARS')) return 'env';
  if (f.has('CREDENTIALS_HTTP')) return 'container';
  return 'imds-or-container';
}
