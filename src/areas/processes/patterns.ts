import { readSafely } from '../files/read.js';
import type { StaleCachePattern } from './facts.js';

/** Where the CodeDeploy agent's on-premises config lives (first seed). */
export const CODEDEPLOY_ONPREM_CONFIG = '/etc/codedeploy-agent/conf/codedeploy.onpremises.yml';

interface Known {
  id: string;
  name: string;
  match: RegExp;
  why: string;
}

const KNOWN: Known[] = [
  { id: 'codedeploy-agent', name: 'AWS CodeDeploy agent', match: /codedeploy-agent/, why: 'The Ruby SDK caches the shared config of its default path (~/.aws/credentials) in a process-wide singleton: when aws_credentials_file is that same path, rotated keys are never re-read.' },
  { id: 'cloudwatch-agent', name: 'Amazon CloudWatch agent', match: /amazon-cloudwatch-agent/, why: 'It loads shared credentials when it starts and keeps them; a rotated file needs a restart.' },
  { id: 'telegraf', name: 'Telegraf', match: /(^|\/)telegraf(\s|$)/, why: 'Its AWS plugins read shared credentials once at start.' },
  { id: 'otel-collector', name: 'OpenTelemetry collector', match: /otelcol|otel-collector|aws-otel-collector/, why: 'Its AWS exporters read shared credentials once at start.' },
  { id: 'node', name: 'Node.js process', match: /(^|\/)node(js)?(\s|$)/, why: 'The JavaScript SDK v3 caches each shared file per process (@smithy/shared-ini-file-loader) unless ignoreCache is passed, and caches credentials without an expiration forever.' },
  { id: 'python', name: 'Python process', match: /(^|\/)python[\d.]*(\s|$)/, why: 'botocore reads shared-file credentials once per session; a long-lived session keeps the keys it read.' },
  { id: 'java', name: 'Java process', match: /(^|\/)java(\s|$)/, why: 'The Java SDK profile provider re-reads on a timer only in recent versions; older ones keep the keys they read.' },
];

/** Programs known to use AWS credentials whatever their runtime (not the generic interpreters). */
export const KNOWN_AGENTS = KNOWN.filter((k) => !['node', 'python', 'java'].includes(k.id));

/** Extracts `aws_credentials_file:` from the agent's YAML without a YAML parser (one flat key). */
export function codedeployCredentialsFile(yaml: string): string | undefined {
  const m = /^\s*:?aws_credentials_file:\s*['"]?([^'"\n#]+?)['"]?\s*(#.*)?$/m.exec(yaml);
  return m?.[1]?.trim();
}

export async function detectPatterns(command: string, codedeployConfigPath = CODEDEPLOY_ONPREM_CONFIG): Promise<StaleCachePattern[]> {
  const found: StaleCachePattern[] = [];
  for (const k of KNOWN) {
    if (!k.match.test(command)) continue;
    const pattern: StaleCachePattern = { id: k.id, name: k.name, why: k.why };
    if (k.id === 'codedeploy-agent') {
      pattern.configPath = codedeployConfigPath;
      const read = await readSafely(codedeployConfigPath, 64 * 1024);
      const file = read.text ? codedeployCredentialsFile(read.text) : undefined;
      if (file) pattern.awsCredentialsFile = file;
    }
    found.push(pattern);
    break;
  }
  return found;
}
