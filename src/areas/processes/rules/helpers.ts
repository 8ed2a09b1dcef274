import type { ProcessInfo } from '../facts.js';

export function label(p: ProcessInfo): string {
  const name = p.patterns[0]?.name ?? p.command?.split(' ')[0] ?? p.exe ?? 'process';
  return `PID ${p.pid} (${name})`;
}

/** The process takes keys from its environment rather than the shared files. */
export function usesEnvKeys(p: ProcessInfo): boolean {
  return p.env.some((v) => v.name === 'AWS_ACCESS_KEY_ID') && p.env.some((v) => v.name === 'AWS_SECRET_ACCESS_KEY');
}

/** Known to read the shared file once and keep those keys for the life of the process. */
export const READS_ONCE = new Set(['codedeploy-agent', 'cloudwatch-agent', 'telegraf', 'otel-collector']);

/** "botocore 1.43.11 (Python 3.11)", or undefined when no SDK was identified. */
export function sdkLabel(p: ProcessInfo): string | undefined {
  const r = p.runtime;
  if (!r?.sdkName) return undefined;
  const runtime = r.runtime === 'unknown' ? '' : ` (${r.runtime[0]!.toUpperCase()}${r.runtime.slice(1)}${r.runtimeVersion ? ` ${r.runtimeVersion.replace(/^go/, '')}` : ''})`;
  return `${r.sdkName}${r.sdkVersion ? ` ${r.sdkVersion}` : ''}${runtime}`;
}
