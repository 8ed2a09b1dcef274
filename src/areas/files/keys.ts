import { EXPIRY_KEYS, EXPIRY_KEY_SET } from '../../sdk/expiry-keys.js';

/** Keys whose values are secret: never stored in facts, registered with the scrubber instead. */
export const SECRET_KEYS = new Set(['aws_secret_access_key', 'aws_session_token', 'aws_security_token']);

/** Any key that smells secret is treated as secret, whatever tool wrote it. */
export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase();
  if (SECRET_KEYS.has(k)) return true;
  if (k.endsWith('_file') || k.endsWith('_url') || k.endsWith('_name') || k.endsWith('_expiration') || k.endsWith('_expires')) return false;
  return /secret|token|password|passwd|credential_scope_secret/.test(k);
}

export const ACCESS_KEY_ID = 'aws_access_key_id';

/** Keys the AWS SDKs and CLI read from profiles (lower case, as they must be written). */
export const KNOWN_KEYS = [
  'aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'aws_security_token',
  'aws_credential_scope', 'aws_account_id', 'region', 'output', 'role_arn', 'source_profile',
  'credential_source', 'role_session_name', 'external_id', 'mfa_serial', 'duration_seconds',
  'web_identity_token_file', 'credential_process', 'sso_session', 'sso_start_url', 'sso_region',
  'sso_account_id', 'sso_role_name', 'sso_registration_scopes', 'login_session', 'endpoint_url',
  'ignore_configure_endpoints', 'services', 'ca_bundle', 'cli_pager', 'cli_timestamp_format',
  'cli_binary_format', 'cli_auto_prompt', 'cli_history', 'max_attempts', 'retry_mode',
  'parameter_validation', 'tcp_keepalive', 'sts_regional_endpoints', 'use_fips_endpoint',
  'use_dualstack_endpoint', 'defaults_mode', 'account_id_endpoint_mode', 'metadata_service_timeout',
  'metadata_service_num_attempts', 'ec2_metadata_service_endpoint', 'ec2_metadata_service_endpoint_mode',
  'ec2_metadata_v1_disabled', 'disable_request_compression', 'request_min_compression_size_bytes',
  'sigv4a_signing_region_set', 'auth_scheme_preference', 'request_checksum_calculation',
  'response_checksum_validation', 's3', 'dynamodb', 'api_versions', 'signature_version',
  'imds_use_ipv6', 'aws_access_key_id_file', 'mfa_token', 'aws_expiration',
] as const;

export const KNOWN_KEY_SET = new Set<string>(KNOWN_KEYS);


/** Values safe to show verbatim in facts and findings. */
export const DISPLAYABLE_KEYS = new Set([
  'region', 'output', 'role_arn', 'source_profile', 'credential_source', 'role_session_name',
  'mfa_serial', 'duration_seconds', 'web_identity_token_file', 'sso_session', 'sso_start_url',
  'sso_region', 'sso_account_id', 'sso_role_name', 'login_session', 'endpoint_url', 'ca_bundle',
  'aws_account_id', 'sts_regional_endpoints', 'services', ...EXPIRY_KEYS,
]);

export const VALID_CREDENTIAL_SOURCES = ['Environment', 'Ec2InstanceMetadata', 'EcsContainer'] as const;

/** The section prefixes the SDK understands in the config file (IniSectionType). */
export const SECTION_PREFIXES = ['profile', 'sso-session', 'services'] as const;

/** Misspellings too far from the real key for an edit distance to catch, seen in the wild. */
export const KEY_ALIASES: Record<string, string> = {
  aws_secret_key: 'aws_secret_access_key',
  aws_secret_key_id: 'aws_secret_access_key',
  aws_secret_access_key_id: 'aws_secret_access_key',
  secret_access_key: 'aws_secret_access_key',
  aws_access_key: 'aws_access_key_id',
  aws_access_id: 'aws_access_key_id',
  access_key_id: 'aws_access_key_id',
  aws_key_id: 'aws_access_key_id',
  session_token: 'aws_session_token',
  aws_token: 'aws_session_token',
  security_token: 'aws_security_token',
  profile: 'source_profile',
  aws_region: 'region',
  aws_default_region: 'region',
};

/** Optimal-string-alignment distance (a swap of two neighbours counts as one edit). */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The known key a written key was probably meant to be, or undefined (already known, or no close match). */
export function likelyKey(written: string): string | undefined {
  const k = written.toLowerCase();
  if (KNOWN_KEY_SET.has(k) || EXPIRY_KEY_SET.has(k)) return undefined;
  if (KEY_ALIASES[k]) return KEY_ALIASES[k];
  if (k.length < 6) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of KNOWN_KEYS) {
    const dist = editDistance(k, known, 2);
    if (dist < bestDistance) [best, bestDistance] = [known, dist];
  }
  return best;
}
