import { formatDuration } from '../../kernel/duration.js';
import type { ProbeResult } from '../../kernel/probe.js';
import { paintSeverity, SYMBOL, type Style } from '../../kernel/style.js';
import type { ChainFacts, ChainLink } from './facts.js';

/** The --json facts of `credcheck chain` (documented in the README). */
export function chainJson(result: ProbeResult<ChainFacts>): Record<string, unknown> {
  if (result.status !== 'ok') return { probe: result };
  const f = result.value;
  return { ...f };
}

const MARK: Record<ChainLink['status'], (s: Style) => string> = {
  active: (s) => paintSeverity(s, 'ok', SYMBOL.ok),
  shadowed: (s) => paintSeverity(s, 'warning', '◌'),
  'not-configured': (s) => s.c.dim('-'),
  failed: (s) => paintSeverity(s, 'error', SYMBOL.error),
  skipped: (s) => s.c.dim('·'),
};

export function chainBody(result: ProbeResult<ChainFacts>, now: string, style: Style): string[] {
  const { c } = style;
  if (result.status !== 'ok') {
    return [`${paintSeverity(style, 'error', SYMBOL.error)} Could not walk the credential chain: ${result.status === 'unavailable' ? result.reason : result.error}`];
  }
  const f = result.value;
  const lines: string[] = [];
  const a = f.active;
  if (a) {
    const left = a.expiration ? (Date.parse(a.expiration) - Date.parse(now) <= 0 ? `expired ${formatDuration(Date.parse(now) - Date.parse(a.expiration))} ago` : `expires in ${formatDuration(Date.parse(a.expiration) - Date.parse(now))}`) : 'no expiry';
    lines.push(`${c.bold('Active')}  ${a.source}${a.kind ? ` (${a.kind})` : ''}${a.profile ? ` profile ${a.profile}` : ''}${a.file ? c.dim(` in ${a.file}`) : ''}`);
    lines.push(`  key ${a.accessKeyId} ${a.keyType} · ${left}${a.expiration ? c.dim(` (${a.expiration}, from ${a.expirationSource})`) : ''}`);
    lines.push(`  ${a.refreshable ? 'refreshes' : 'does not refresh'}: ${a.refreshNote}`);
    if (a.hops && a.hops.length > 0) lines.push(`  chain: ${a.hops.map((h) => `${h.profile} (${h.kind}${h.roleArn ? ` ${h.roleArn}` : ''}${h.mfaSerial ? ', MFA' : ''})`).join(' → ')}`);
    if (a.ssm) lines.push(`  SSM agent: retrieved ${a.ssm.credentialsRetrievedAt ?? '?'}, expires ${a.ssm.credentialsExpiresAt}, next rotation ~${a.ssm.nextRotation ?? '?'}`);
  } else {
    lines.push(`${paintSeverity(style, 'error', SYMBOL.error)} ${c.bold('No credentials')}: no link of the default chain supplied any`);
  }
  lines.push('', c.bold(`Links, in the SDK's order (profile ${f.profile.name} from ${f.profile.source}):`));
  for (const l of f.links) {
    lines.push(`  ${MARK[l.status](style)} ${l.source.padEnd(11)} ${l.status.padEnd(15)}${l.accessKeyId ? ` ${l.accessKeyId}` : ''}${l.reason ? c.dim(` ${l.reason}`) : ''}`);
  }
  const x = f.crossCheck;
  lines.push('', c.dim(`Cross-check with fromNodeProviderChain(): ${x.status}${x.sdkAccessKeyId ? ` (${x.sdkAccessKeyId})` : ''}${x.sdkError ? ` (${x.sdkError})` : ''}${x.detail ? ` (${x.detail})` : ''}`));
  for (const n of f.notVerified) lines.push(c.dim(`Not verified: ${n}`));
  if (style.verbose) lines.push(c.dim(`Modelled: ${Object.entries(f.sdkVersions).map(([k, v]) => `${k}@${v}`).join(', ')}`));
  return lines;
}
