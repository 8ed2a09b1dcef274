/**
 * The credential-source table: each `$source` feature flag the JavaScript SDK sets on resolved
 * credentials (setCredentialFeature in @aws-sdk/core, called by each provider), with what credcheck
 * knows about that source. The flags are internal to the SDK, so the chain area uses them only to
 * cross-check its own model; identity and preflight use them to name the source.
 * fromInstanceMetadata and fromContainerMetadata in the default chain set no flag at all.
 */

/** credcheck's chain vocabulary (see areas/chain/facts.ts ChainLink.source). */
export type ChainSource = 'env' | 'ini' | 'process' | 'token-file' | 'container' | 'imds';

export interface CredentialSource {
  flag: string;
  /** Shown to the user: "credentials from <label>". */
  label: string;
  chainSource?: ChainSource;
  /** The provider fetches new credentials before they expire (when the set carries an expiration). */
  refreshes: boolean;
  /** Who states the expiry, when there is one. */
  expiryFrom?: string;
}

const ASSUME = 'STS AssumeRole';
const WEB_ID = 'STS AssumeRoleWithWebIdentity';
const PROCESS = 'credential_process output';
const SSO = 'the SSO token exchange';

/** In this order: a later row is a more specific (outer) link than an earlier one. */
export const SOURCES: readonly CredentialSource[] = [
  { flag: 'CREDENTIALS_CODE', label: 'passed in code', refreshes: false },
  { flag: 'CREDENTIALS_ENV_VARS', label: 'environment variables', chainSource: 'env', refreshes: false, expiryFrom: 'AWS_CREDENTIAL_EXPIRATION' },
  { flag: 'CREDENTIALS_ENV_VARS_STS_WEB_ID_TOKEN', label: 'web identity token (AWS_WEB_IDENTITY_TOKEN_FILE)', chainSource: 'token-file', refreshes: true, expiryFrom: WEB_ID },
  { flag: 'CREDENTIALS_STS_ASSUME_ROLE_WEB_ID', label: 'web identity token', refreshes: true, expiryFrom: WEB_ID },
  { flag: 'CREDENTIALS_PROFILE', label: 'profile static keys', chainSource: 'ini', refreshes: false },
  { flag: 'CREDENTIALS_PROFILE_SOURCE_PROFILE', label: 'profile role_arn via source_profile', chainSource: 'ini', refreshes: true, expiryFrom: ASSUME },
  { flag: 'CREDENTIALS_PROFILE_NAMED_PROVIDER', label: 'profile role_arn via credential_source', chainSource: 'ini', refreshes: true, expiryFrom: ASSUME },
  { flag: 'CREDENTIALS_PROFILE_STS_WEB_ID_TOKEN', label: 'profile web_identity_token_file', chainSource: 'ini', refreshes: true, expiryFrom: WEB_ID },
  { flag: 'CREDENTIALS_PROFILE_SSO', label: 'profile SSO', chainSource: 'ini', refreshes: true, expiryFrom: SSO },
  { flag: 'CREDENTIALS_PROFILE_SSO_LEGACY', label: 'profile SSO (legacy)', chainSource: 'ini', refreshes: true, expiryFrom: SSO },
  { flag: 'CREDENTIALS_PROFILE_PROCESS', label: 'profile credential_process', chainSource: 'ini', refreshes: true, expiryFrom: PROCESS },
  { flag: 'CREDENTIALS_PROFILE_LOGIN', label: 'profile login session', chainSource: 'ini', refreshes: true, expiryFrom: SSO },
  { flag: 'CREDENTIALS_PROCESS', label: 'credential_process', chainSource: 'process', refreshes: true, expiryFrom: PROCESS },
  { flag: 'CREDENTIALS_SSO', label: 'SSO', refreshes: true, expiryFrom: SSO },
  { flag: 'CREDENTIALS_HTTP', label: 'container credentials endpoint', chainSource: 'container', refreshes: true, expiryFrom: 'the container endpoint' },
  { flag: 'CREDENTIALS_IMDS', label: 'EC2 instance metadata (IMDS)', chainSource: 'imds', refreshes: true, expiryFrom: 'IMDS' },
  { flag: 'CREDENTIALS_STS_ASSUME_ROLE', label: 'STS AssumeRole', refreshes: true, expiryFrom: ASSUME },
];

const BY_FLAG = new Map(SOURCES.map((s) => [s.flag, s]));
const rowsOf = (flags: string[]) => flags.map((f) => BY_FLAG.get(f)).filter((r): r is CredentialSource => r !== undefined);

/** What credentials with no flag at all came from: the default chain's two remote links set none. */
export const UNFLAGGED_SOURCE = 'EC2 instance metadata or a container endpoint (the SDK marks neither)';

/** The label of the outermost link: a profile role beats the static keys it started from. */
export function sourceLabel(flags: string[]): string {
  if (flags.length === 0) return UNFLAGGED_SOURCE;
  const order = SOURCES.map((s) => s.flag);
  const known = flags.filter((f) => BY_FLAG.has(f)).sort((a, b) => order.indexOf(b) - order.indexOf(a));
  const pick = flags.find((f) => f.startsWith('CREDENTIALS_PROFILE_')) ?? known[0];
  return pick ? BY_FLAG.get(pick)?.label ?? pick : 'unknown';
}

/** Which chain link the SDK says it used; IMDS and container in the default chain set no flag. */
const CHAIN_PRECEDENCE: ChainSource[] = ['token-file', 'ini', 'process', 'env', 'container'];
export function sdkSourceOf(flags: Record<string, string> | undefined): ChainSource | 'imds-or-container' {
  const sources = new Set(rowsOf(Object.keys(flags ?? {})).map((r) => r.chainSource));
  return CHAIN_PRECEDENCE.find((s) => sources.has(s)) ?? 'imds-or-container';
}

/** Who states the expiry: the nearest issuer wins (an exported set beats the role it came from). */
const EXPIRY_PRECEDENCE = ['AWS_CREDENTIAL_EXPIRATION', WEB_ID, ASSUME, 'IMDS', 'the container endpoint', PROCESS, SSO];
export function expiryOriginOf(flags: string[]): string {
  const origins = new Set(rowsOf(flags).map((r) => r.expiryFrom));
  return EXPIRY_PRECEDENCE.find((o) => origins.has(o)) ?? 'the credential provider';
}

/** The SDK refreshes only a set that carries an expiration and came from a refreshing provider (unknown flags count as refreshing). */
export function refreshesFromFlags(flags: string[], hasExpiration: boolean): boolean {
  return hasExpiration && flags.some((f) => BY_FLAG.get(f)?.refreshes ?? true);
}

/** The same fact for a chain link: static profile keys are CREDENTIALS_PROFILE, any other profile kind a role/SSO/process link. */
export function refreshesFromChain(source: string, kind: string | undefined, hasExpiration: boolean): boolean {
  const flag = source === 'ini' ? (kind === 'static' ? 'CREDENTIALS_PROFILE' : 'CREDENTIALS_PROFILE_SOURCE_PROFILE') : SOURCES.find((s) => s.chainSource === source)?.flag;
  return hasExpiration && (flag ? BY_FLAG.get(flag)!.refreshes : false);
}
