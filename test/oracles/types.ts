/**
 * The oracle protocol: a batch of set-ups (each an environment, files already on disk under its
 * HOME) goes to one process per SDK; each answers, per set-up, which credentials that SDK resolves.
 * Sources are normalised to one vocabulary so the SDKs and the models can be compared.
 */
export type OracleSource =
  | 'env' | 'static' | 'process' | 'assume-role' | 'web-identity' | 'sso' | 'container' | 'imds';

export interface OracleCase {
  name: string;
  /** The complete environment the SDK sees (HOME, endpoints on loopback, the set-up's variables). */
  env: Record<string, string>;
  /** A profile the program names in code (each SDK's own option), as credcheck's --profile. */
  profile?: string;
}

export interface OracleAnswer {
  name: string;
  ok: boolean;
  source?: OracleSource;
  accessKeyId?: string;
  /** First 12 hex digits of sha256(session token): tells which token was used without showing it. */
  tokenHash?: string;
  /** Error class (or short message) when the SDK resolved nothing. */
  error?: string;
  /** Connection attempts to anything but loopback (refused by the oracle's guard). */
  offLoopback?: string[];
}

export interface OracleReport {
  sdk: 'js' | 'botocore' | 'ruby' | 'go';
  version: string;
  answers: OracleAnswer[];
}
