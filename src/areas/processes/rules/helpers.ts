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
