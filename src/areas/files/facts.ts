import type { FileDifference } from '../../sdk/models/file-diff.js';
import type { KeyType } from '../../kernel/mask.js';
import type { HomeInfo, FileKind } from './locate.js';
import type { ReadStatus } from './read.js';
import type { ScannedLine } from './scan.js';
import type { SsoCacheEntry } from '../../sdk/inputs.js';

export interface IniFileFacts {
  kind: FileKind;
  path: string;
  /** How the path was chosen ($AWS_SHARED_CREDENTIALS_FILE, --config-file, default …). */
  source: string;
  status: ReadStatus;
  detail?: string;
  fileType?: string;
  size?: number;
  /** Permission bits in octal, e.g. "0600". */
  mode?: string;
  uid?: number;
  mtime?: string;
  validUtf8?: boolean;
  /** The SDK's parser threw (a [__proto__] section) and the whole file reads as empty. */
  sdkReadsAsEmpty: boolean;
  /** Section and key lines as scanned; values only for keys safe to show. */
  lines: ScannedLine[];
  /** Lines the SDKs read differently (src/sdk/models/file-diff.ts); never values. */
  sdkDifferences?: FileDifference[];
}

export type ProfileKind = 'assume-role' | 'static' | 'web-identity' | 'process' | 'sso' | 'login' | 'none';

export interface Located {
  file: string;
  line?: number;
}

export interface ProfileExpiry extends Located {
  key: string;
  /** ISO time, or absent when the value could not be parsed. */
  iso?: string;
  /** The value as written: expiry stamps are not secret. */
  raw: string;
  assumedUtc?: boolean;
}

/** A profile as the SDK sees it after merging both files (credentials wins key by key). */
export interface ProfileFacts {
  name: string;
  definedIn: FileKind[];
  /** Key names present, never values. */
  keys: string[];
  /** What fromIni would do with it, in fromIni's own order. */
  kind: ProfileKind;
  accessKeyId?: string;
  keyType?: KeyType;
  hasSecretAccessKey: boolean;
  hasSessionToken: boolean;
  hasLegacySecurityToken: boolean;
  /** aws_security_token and aws_session_token differ (value comparison done in the probe). */
  legacyTokenDiffers?: boolean;
  roleArn?: string;
  sourceProfile?: string;
  credentialSource?: string;
  webIdentityTokenFile?: string;
  credentialProcess?: string;
  ssoSession?: string;
  ssoStartUrl?: string;
  region?: string;
  mfaSerial?: string;
  expiration?: ProfileExpiry;
  /** Where a key was set last (the winner), for findings. */
  keyLines: Record<string, Located>;
}

export interface PathCheck {
  path: string;
  exists: boolean;
  isFile: boolean;
  executable: boolean;
  /** How the path was resolved, e.g. "found on PATH at /usr/bin/aws-vault". */
  resolvedTo?: string;
}

export interface SudoFacts {
  user: string;
  uid?: number;
  /** The invoking user's home from the password database. */
  userHome?: string;
  /** Whether the invoking user has AWS files that this run (as root) is not reading. */
  userHasAwsFiles: boolean;
}

export interface FileFacts {
  home: HomeInfo;
  /** The profile the SDK would select, and why. */
  profile: { name: string; source: '--profile' | '$AWS_PROFILE' | 'default' };
  credentials: IniFileFacts;
  config: IniFileFacts;
  profiles: ProfileFacts[];
  /** Existence checks for paths profiles point at (token files, credential_process executables). */
  paths: Record<string, PathCheck>;
  sudo?: SudoFacts;
  /** Running as root (euid 0). */
  root: boolean;
  /** SSO token cache entries the selected files refer to (tokens handed to the SDK from memory). */
  ssoCache?: SsoCacheEntry[];
}
