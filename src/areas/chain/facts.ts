import type { SdkAnswer } from '../../sdk/models/world.js';
import type { SsoTokenFacts } from '../../sdk/sso/token-cache.js';
import type { KeyType } from '../../kernel/mask.js';
import type { WebIdentityToken } from '../../sdk/web-identity.js';

/** The SDK v3 default chain's links, in the order defaultProvider tries them. */
export type ChainSource = 'env' | 'sso' | 'ini' | 'process' | 'token-file' | 'container' | 'imds';
export type LinkStatus = 'active' | 'shadowed' | 'not-configured' | 'failed' | 'skipped';
export type IniKind = 'static' | 'assume-role' | 'web-identity' | 'process' | 'sso' | 'login';

export interface ChainLink {
  source: ChainSource;
  status: LinkStatus;
  /** Why: the error the SDK provider threw (reduced to safe text), or why it was skipped. */
  reason?: string;
  /** The provider threw with tryNextLink false: the SDK chain stops here. */
  hardStop?: boolean;
  kind?: IniKind;
  profile?: string;
  /** Masked key id the link resolved to (shadowed and active links). */
  accessKeyId?: string;
  ms: number;
  /** imds only: not probed because DMI says this host is not EC2 (the reason names the evidence). */
  offEc2?: boolean;
}

export interface Hop {
  profile: string;
  kind: string;
  roleArn?: string;
  via?: string;
  durationSeconds?: number;
  mfaSerial?: string;
}

export interface ActiveCredentials {
  source: ChainSource;
  kind?: IniKind;
  profile?: string;
  file?: string;
  accessKeyId: string;
  keyType: KeyType;
  expiration: string | null;
  expirationSource: string | null;
  /** ms until expiry at facts time (negative: already expired). */
  timeLeftMs?: number;
  refreshable: boolean;
  refreshNote: string;
  hops?: Hop[];
  roleArn?: string;
  ssm?: { path: string; credentialsExpiresAt?: string; credentialsRetrievedAt?: string; nextRotation?: string };
}

export interface CrossCheck {
  /** agree: fromNodeProviderChain() gave the same key id (or also failed); unverified: it did not finish. */
  status: 'agree' | 'disagree' | 'unverified';
  sdkAccessKeyId?: string;
  /** Where the SDK says its credentials came from ($source feature flags). */
  sdkSource?: string;
  sdkError?: string;
  detail?: string;
}

export interface ChainFacts {
  /** SDK packages whose behaviour is modelled, read from node_modules at run time. */
  sdkVersions: Record<string, string>;
  profile: { name: string; source: '--profile' | '$AWS_PROFILE' | 'default' };
  awsProfileEnv?: string;
  envKeys: { set: boolean; keyType?: KeyType; accessKeyId?: string; sessionToken: boolean; expiration?: string; sessionExpiration?: string };
  stsEndpoint: string;
  offline: boolean;
  links: ChainLink[];
  active: ActiveCredentials | null;
  crossCheck: CrossCheck;
  /** What --offline (or a deadline) left unverified. */
  notVerified: string[];
  /** Profiles that could refresh by themselves (assume-role, web-identity, sso, process). */
  refreshableProfiles: string[];
  /** SDK warnings captured instead of printed (e.g. "Multiple credential sources detected"). */
  sdkWarnings: string[];
  /** `chain` only: every modelled SDK's answer (src/sdk/models), and the --sdk names asked (absent: none). */
  sdks?: SdkAnswer[];
  sdkAsked?: string[];
  /** The selected SSO profile's token in the SSO cache: status and expiry, never the token. */
  sso?: SsoTokenFacts;
  /** AWS_WEB_IDENTITY_TOKEN_FILE's JWT claims (exp, iss, sub, aud) or why they could not be read; never the token. */
  webIdentity?: WebIdentityToken;
}
