import { formatDuration } from '../../kernel/duration.js';
import type { ProbeResult } from '../../kernel/probe.js';
import { paintSeverity, SYMBOL, type Style } from '../../kernel/style.js';
import type { FileFacts, IniFileFacts, ProfileFacts } from './facts.js';

function fileJsonOf(f: IniFileFacts) {
  const { lines: _lines, ...rest } = f;
  return { ...rest, profiles: [...new Set(f.lines.flatMap((l) => (l.type === 'section' && l.sdkName ? [l.sdkName] : [])))] };
}

function profileJsonOf(p: ProfileFacts) {
  const { keyLines: _keyLines, ...rest } = p;
  return rest;
}

/** The --json facts of `credcheck file` (documented in the README). */
export function fileJson(result: ProbeResult<FileFacts>): Record<string, unknown> {
  if (result.status !== 'ok') return { probe: result };
  const f = result.value;
  return {
    home: f.home,
    profile: f.profile,
    files: [fileJsonOf(f.credentials), fileJsonOf(f.config)],
    profiles: f.profiles.map(profileJsonOf),
    paths: Object.values(f.paths),
    ...(f.sudo ? { sudo: f.sudo } : {}),
  };
}

function fileLine(f: IniFileFacts, style: Style): string {
  const { c } = style;
  const label = f.kind.padEnd(11);
  const profiles = new Set(f.lines.flatMap((l) => (l.type === 'section' && l.sdkName ? [l.sdkName] : []))).size;
  switch (f.status) {
    case 'ok':
      return `${paintSeverity(style, 'ok', SYMBOL.ok)} ${label} ${f.path} ${c.dim(`(${f.source}; ${profiles} section${profiles === 1 ? '' : 's'}, mode ${f.mode})`)}`;
    case 'missing':
      return `${c.dim('-')} ${label} ${f.path} ${c.dim(`(${f.source}; not present)`)}`;
    default:
      return `${paintSeverity(style, 'warning', SYMBOL.warning)} ${label} ${f.path} ${c.dim(`(${f.source}; ${f.status}${f.fileType ? `: ${f.fileType}` : ''}${f.detail ? `: ${f.detail}` : ''})`)}`;
  }
}

export function expiryText(iso: string | undefined, now: string): string {
  if (!iso) return '';
  const left = Date.parse(iso) - Date.parse(now);
  return left <= 0 ? `expired ${formatDuration(-left)} ago (${iso})` : `expires in ${formatDuration(left)} (${iso})`;
}

function profileLine(p: ProfileFacts, selected: string, now: string, style: Style): string {
  const { c } = style;
  const marker = p.name === selected ? c.bold('▸') : ' ';
  const parts: string[] = [p.kind];
  if (p.accessKeyId) parts.push(`${p.accessKeyId} ${p.keyType ?? ''}`.trim());
  if (p.kind === 'assume-role') parts.push(p.sourceProfile ? `via source_profile ${p.sourceProfile}` : `via credential_source ${p.credentialSource}`);
  if (p.kind === 'process') parts.push(`runs ${p.credentialProcess}`);
  if (p.kind === 'web-identity') parts.push(`token ${p.webIdentityTokenFile}`);
  if (p.expiration) parts.push(p.expiration.iso ? expiryText(p.expiration.iso, now) : `unreadable ${p.expiration.key}`);
  return `  ${marker} ${c.bold(p.name.padEnd(16))} ${parts.join(c.dim(' · '))}`;
}

export function fileBody(result: ProbeResult<FileFacts>, now: string, style: Style): string[] {
  const { c } = style;
  if (result.status !== 'ok') {
    return [`${paintSeverity(style, 'error', SYMBOL.error)} Could not read the shared files: ${result.status === 'unavailable' ? result.reason : result.error}`];
  }
  const f = result.value;
  const lines = [
    `${c.bold('Profile')}  ${f.profile.name} ${c.dim(`(${f.profile.source})`)}    ${c.bold('Home')}  ${f.home.dir} ${c.dim(`(${f.home.source})`)}`,
    fileLine(f.credentials, style),
    fileLine(f.config, style),
  ];
  if (f.profiles.length > 0) {
    lines.push('', c.bold('Profiles, as the SDK sees them:'));
    for (const p of f.profiles) lines.push(profileLine(p, f.profile.name, now, style));
  }
  return lines;
}
