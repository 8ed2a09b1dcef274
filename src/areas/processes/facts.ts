import type { SdkIdentity } from './runtime/view.js';
/** What credcheck learned about running processes (`doctor --pid`). Never holds a secret. */
export interface ProcessEnvVar {
  name: string;
  /** Displayable value: masked key id, proxy URL without password, or "(set, N chars)" for secrets. */
  value: string;
  secret: boolean;
}

export interface ProcessFileView {
  kind: 'credentials' | 'config';
  path: string;
  source: string;
  exists: boolean;
  mtime?: string;
  /** Inode change time: truncate-and-write (the SSM agent) and rename-over both move it. */
  ctime?: string;
}

export interface StaleCachePattern {
  /** Stable id: codedeploy-agent, cloudwatch-agent, telegraf, otel-collector, node, python, ruby, java. */
  id: string;
  name: string;
  /** Why this executable is known to keep credentials it read at start. */
  why: string;
  /** For the CodeDeploy agent: its aws_credentials_file setting and where it was read. */
  awsCredentialsFile?: string;
  configPath?: string;
}

/** The identified SDK's behaviour applied to this process (src/areas/processes/model.ts). */
export interface ProcessModel {
  /** How the source was chosen: which chain model was applied. */
  chainModel: string;
  /** environment | web-identity | shared-file-keys | profile-<kind> | container | instance-role-or-none | unknown */
  source: string;
  sourceDetail: string;
  /** Whether this SDK, as this program uses it, would see a rotated credentials file. */
  rereadsFile?: boolean;
  rereadWhy?: string;
  /** Whether and when the credentials it holds are refreshed. */
  refresh?: string;
  /** When the credentials it holds expire, as far as can be known from outside. */
  heldExpiry?: string;
  /** The credentials file's inode changed after the process started (clear of /proc's 1 s precision). */
  fileRewrittenAfterStart?: boolean;
  /** This SDK's and this program's fix, when the model finds it stuck on old keys. */
  fix?: string;
}

export interface ProcessInfo {
  pid: number;
  /** The name given to --pid that selected this process. */
  name?: string;
  status: 'ok' | 'not-found' | 'permission-denied' | 'unsupported';
  detail?: string;
  exe?: string;
  /** argv[0] and the first arguments with values that look secret removed. */
  command?: string;
  uid?: number;
  user?: string;
  startedAt?: string;
  env: ProcessEnvVar[];
  /** Whether the environment could be read (needs the same user or root). */
  envReadable: boolean;
  home?: string;
  profile?: { name: string; source: '$AWS_PROFILE' | 'default' };
  files: ProcessFileView[];
  patterns: StaleCachePattern[];
  /** Which runtime and AWS SDK it runs, with the evidence (absent when not looked at). */
  runtime?: SdkIdentity;
  model?: ProcessModel;
}

/** `doctor --processes`: how the host was scanned (absent for --pid). */
export interface ProcessScan {
  total: number;
  /** Processes whose environment could not be read (another user's, without root). */
  notPermitted: number;
  notPermittedExamples: string[];
  /** Processes that use AWS credentials (and are listed in `processes`). */
  using: number;
  elapsedMs: number;
}

export interface ProcessFacts {
  processes: ProcessInfo[];
  scan?: ProcessScan;
}
