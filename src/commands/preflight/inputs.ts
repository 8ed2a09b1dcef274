import type { KeyType } from '../../kernel/mask.js';
import type { WebIdentityToken } from '../../sdk/web-identity.js';

/**
 * Everything preflight judges, as plain data, derived from the areas' shared facts (from-facts.ts).
 * evaluate() never does I/O, so every check is testable with a literal object. Never holds a
 * secret: key ids are masked, tokens reduced to their claims.
 */
export interface PreflightInputs {
  credentials?: {
    /** Which source supplied them, e.g. "environment", "profile deploy (assume role)", "web identity token file". */
    source: string;
    profile?: string;
    /** Masked: ASIA…WXYZ. */
    accessKeyId: string;
    keyType: KeyType;
    /** ISO time; absent when nobody told us. */
    expiration?: string;
    /** Where the expiry came from, e.g. "AWS_CREDENTIAL_EXPIRATION", "STS AssumeRoleWithWebIdentity". */
    expirationSource?: string;
    /** True when the source re-fetches credentials before they expire (role, SSO, IMDS, container, web identity). */
    refreshable: boolean;
    /** The profile that was selected but did not supply them (the SDK fell through past it). */
    profileNotUsed?: string;
  };
  /** Why no credentials were found (the chain's own message), when `credentials` is absent. */
  credentialsError?: string;
  identity?: IdentityInput;
  /** offsetMs = this clock − reference, like every offsetMs (positive: this clock is ahead). */
  clock?: { offsetMs: number; uncertaintyMs: number; reference: string };
  region?: { name: string; source: string };
  webIdentity?: WebIdentityInput;
  /** What this run did not verify and why, e.g. "identity: --offline, STS was not called". */
  notChecked: string[];
}

export type IdentityInput =
  | { ok: true; account: string; arn: string; principalType: string }
  | { ok: false; code: string; message: string; diagnosis: string; fix: string };

/** The chain area's reading of AWS_WEB_IDENTITY_TOKEN_FILE (src/sdk/web-identity.ts). */
export type WebIdentityInput = WebIdentityToken;
