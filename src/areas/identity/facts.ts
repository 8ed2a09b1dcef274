import type { StsCallError } from '../../sdk/sts/errors.js';
import type { EndpointSource } from '../../sdk/sts/endpoint.js';
import type { RegionSource } from '../../sdk/sts/region.js';
import type { KeyType } from '../../kernel/mask.js';

export type PrincipalType = 'iam-user' | 'assumed-role' | 'federated-user' | 'root' | 'unknown';

export interface CallerFacts {
  account: string;
  arn: string;
  userId: string;
  principalType: PrincipalType;
  partition?: string;
  userName?: string;
  roleName?: string;
  sessionName?: string;
}

/** The credentials the call was signed with, reduced to traits (never the secret or token). */
export interface CredentialTraits {
  /** Masked unless --show-key-ids. */
  keyId: string;
  keyType: KeyType;
  hasSessionToken: boolean;
  /** Secret has leading/trailing whitespace or a character outside base64's alphabet (pasting). */
  secretLooksPasted: boolean;
  expiration?: string;
  /** Human label of the chain link that supplied them, from the SDK's $source feature flags. */
  source: string;
  featureFlags: string[];
}

export interface IdentityFacts {
  profile: string;
  region: string;
  regionSource: RegionSource;
  regionWhy: string;
  /** AWS_DEFAULT_REGION value the JavaScript SDK ignores (set only when AWS_REGION is not). */
  ignoredDefaultRegion?: string;
  endpoint: string;
  endpointSource: EndpointSource;
  missingServicesSection?: string;
  proxy?: { url: string; variable: string };
  proxyBypassedBy?: { variable: string; entry: string };
  /** Set when the caller supplied the provider (doctor passes the chain's). */
  providerGiven: boolean;
  /**
   * A profile was chosen (--profile, AWS_PROFILE) but the credentials' $source flags show they did
   * not come from it: the profile failed and the SDK chain fell through (e.g. to IMDS).
   */
  profileNotUsed?: boolean;
  credentials?: CredentialTraits;
  /** Credential resolution failed before any STS call: the SDK's message. */
  credentialsError?: string;
  /** What resolving the credentials needed beyond this host's files, when it needed the network. */
  credentialsNeed?: 'sts' | 'sso' | 'container';
  /** What was being resolved, in words: profile "deploy" (role_arn: AssumeRole), … */
  credentialsVia?: string;
  /** The resolution failure classified like an STS call failure (refused, timeout, DNS, TLS, proxy). */
  credentialsFailure?: StsCallError;
  caBundle?: { AWS_CA_BUNDLE?: string; NODE_EXTRA_CA_CERTS?: string };
  ok: boolean;
  caller?: CallerFacts;
  error?: StsCallError;
  latencyMs?: number;
  attempts?: number;
  /** AWS's clock (response Date header, 1 s resolution) and local clock when the answer arrived. */
  serverDate?: string;
  localDate?: string;
  /** localDate − serverDate (mid-second), ms: local − reference like every offsetMs (positive: this host is ahead). */
  clockOffsetMs?: number;
  /** The SDK's correction after the call, local − AWS: its systemClockOffset negated (the SDK adds AWS − local). */
  sdkClockOffsetMs?: number;
  /** The SDK had to correct its clock to succeed (a first attempt failed on time). */
  clockSkewCorrected: boolean;
  expect?: { account?: string; arn?: string };
}
