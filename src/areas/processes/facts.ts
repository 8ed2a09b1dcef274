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

export interface ProcessInfo {
  pid: number;
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
}

export interface ProcessFacts {
  processes: ProcessInfo[];
}
