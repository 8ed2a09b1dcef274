import type { Facts } from '../../kernel/facts.js';
import { okValue } from '../../kernel/probe.js';
import type { ProcessFileView, ProcessInfo } from './facts.js';
import { label, READS_ONCE, usesEnvKeys } from './rules/helpers.js';
import { REFRESH } from '../../sdk/refresh.js';

/** /proc start times derive from btime, which has 1 s resolution: demand a clear margin. */
const START_TIME_SLACK_MS = 2000;

export interface StaleProcess {
  process: ProcessInfo;
  file: ProcessFileView;
  /** The file's contents changed this long after the process started. */
  laterMs: number;
  /** The file is the one this run's chain signed with, and STS did not reject its keys. */
  sameFileAsChain: boolean;
  /** STS accepted the file's keys in this run. */
  verified: boolean;
  arn?: string;
}

/**
 * Processes that started before their credentials file last changed its contents. The contents
 * change moves mtime; chmod, chown or a hard link move only ctime and are not a rotation (the
 * keys are the same). Deterministic: the STS result only sharpens the wording, never decides
 * whether a process is stale.
 */
export function staleProcesses(facts: Facts): StaleProcess[] {
  const id = okValue(facts.identity);
  const active = okValue(facts.chain)?.active;
  const rejected = id !== undefined && !id.ok && id.error?.kind === 'sts';
  return (okValue(facts.processes)?.processes ?? []).flatMap((p) => {
    const file = p.files.find((f) => f.kind === 'credentials');
    if (!p.startedAt || !file?.exists || !file.mtime || usesEnvKeys(p)) return [];
    // The identified SDK, as this program uses it, re-reads the file (src/sdk/refresh.ts): not stuck.
    if (p.model?.rereadsFile === true) return [];
    const laterMs = Date.parse(file.mtime) - Date.parse(p.startedAt);
    if (!(laterMs > START_TIME_SLACK_MS)) return [];
    const sameFileAsChain = active?.source === 'ini' && active.file === file.path && !rejected;
    return [{ process: p, file, laterMs, sameFileAsChain, verified: sameFileAsChain && Boolean(id?.ok), ...(id?.caller?.arn ? { arn: id.caller.arn } : {}) }];
  });
}

/**
 * What to do about a process holding keys from before a rotation, in the terms of the program
 * in front of us: its own restart and permanent fix when credcheck knows it, SDK-neutral when it
 * does not (never one SDK's API to a process that may use another).
 */
export function staleFix(s: StaleProcess): string {
  const p = s.process;
  const who = label(p);
  const pattern = p.patterns[0];
  if (pattern?.id === 'codedeploy-agent') return `Restart the agent now (systemctl restart codedeploy-agent); CC6002 has the permanent fix for its aws_credentials_file.`;
  // The SDK identified from the process's own files (CC6006): its fix, not a guess from the name.
  if (p.model?.fix) return p.model.fix.replace(/^Restart it now;/, `Restart ${who} now;`);
  if (pattern && READS_ONCE.has(pattern.id)) return `Restart ${who} now (e.g. systemctl restart ${pattern.id}) and after every rotation, or give it a provider that refreshes itself (an instance role or a role_arn profile) instead of a rotated file.`;
  if (pattern?.id === 'python') return `Restart ${who} now. botocore reads the file once per Session and keeps those keys: have the program create a new boto3.Session() when a call fails with ExpiredToken, or use a role_arn profile or instance role, which refresh themselves.`;
  if (pattern?.id === 'node') return `Restart ${who} now. If it uses the JavaScript SDK v3: ${REFRESH['js-v3'].reloadFix}`;
  return `Restart ${who} now; then have it re-read the file when a call fails with ExpiredToken, or move it to a source that refreshes itself (a role_arn profile or an instance role).`;
}
