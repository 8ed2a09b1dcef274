import { keyTypeOf, maskKeyId } from '../../kernel/mask.js';
import { parseExpiry } from '../../kernel/expiry.js';
import { registerSecret } from '../../kernel/secrets.js';
import type { IniFileFacts, Located, ProfileExpiry, ProfileFacts, ProfileKind } from './facts.js';
import { expiryKeyOf } from '../../sdk/expiry-keys.js';
import { isSecretKey } from './keys.js';
import { executableOf } from './scan.js';
import type { FileKind } from './locate.js';

type Section = Record<string, string>;

/** fromIni's order (credential-provider-ini resolveProfileData): the first match wins. */
export function profileKind(p: Section): ProfileKind {
  const roleWithOneSource =
    typeof p.role_arn === 'string' && (typeof p.source_profile === 'string') !== (typeof p.credential_source === 'string');
  if (roleWithOneSource) return 'assume-role';
  if (typeof p.aws_access_key_id === 'string' && typeof p.aws_secret_access_key === 'string') return 'static';
  if (typeof p.web_identity_token_file === 'string' && typeof p.role_arn === 'string') return 'web-identity';
  if (typeof p.credential_process === 'string') return 'process';
  if (p.sso_start_url || p.sso_account_id || p.sso_session || p.sso_region || p.sso_role_name) return 'sso';
  if (typeof p.login_session === 'string') return 'login';
  return 'none';
}

function locate(name: string, key: string, files: IniFileFacts[]): Located | undefined {
  // Credentials first: it wins key by key when both files set the same key.
  for (const file of files) {
    let line: number | undefined;
    for (const l of file.lines) if (l.type === 'entry' && l.section === name && l.key === key && !l.subsection) line = l.line;
    if (line !== undefined) return { file: file.path, line };
  }
  return undefined;
}

/**
 * Builds per-profile facts from the SDK's own merged parse. Secret values are registered with the
 * scrubber and reduced to booleans here, at the boundary, so nothing downstream can leak them.
 */
export function buildProfiles(
  merged: Record<string, Section>,
  perFile: Record<FileKind, Record<string, Section>>,
  files: { credentials: IniFileFacts; config: IniFileFacts },
): ProfileFacts[] {
  const order = [files.credentials, files.config];
  const profiles: ProfileFacts[] = [];
  for (const [name, section] of Object.entries(merged)) {
    if (name.startsWith('sso-session.') || name.startsWith('services.')) continue;
    for (const [k, v] of Object.entries(section)) if (isSecretKey(k)) registerSecret(v);
    const keyLines: Record<string, Located> = {};
    for (const key of Object.keys(section)) {
      const where = locate(name, key, order);
      if (where) keyLines[key] = where;
    }
    const p: ProfileFacts = {
      name,
      definedIn: (['credentials', 'config'] as FileKind[]).filter((k) => perFile[k][name] !== undefined),
      keys: Object.keys(section),
      kind: profileKind(section),
      hasSecretAccessKey: typeof section.aws_secret_access_key === 'string',
      hasSessionToken: typeof section.aws_session_token === 'string',
      hasLegacySecurityToken: typeof section.aws_security_token === 'string',
      keyLines,
    };
    if (section.aws_access_key_id !== undefined) {
      const id = section.aws_access_key_id.replace(/^["']|["']$/g, '');
      p.accessKeyId = maskKeyId(id);
      p.keyType = keyTypeOf(id);
    }
    if (p.hasLegacySecurityToken && p.hasSessionToken) p.legacyTokenDiffers = section.aws_security_token !== section.aws_session_token;
    const copy: Array<[keyof ProfileFacts, string]> = [
      ['roleArn', 'role_arn'], ['sourceProfile', 'source_profile'], ['credentialSource', 'credential_source'],
      ['webIdentityTokenFile', 'web_identity_token_file'], ['ssoSession', 'sso_session'], ['ssoStartUrl', 'sso_start_url'], ['region', 'region'],
      ['mfaSerial', 'mfa_serial'],
    ];
    for (const [field, key] of copy) if (section[key] !== undefined) (p as unknown as Record<string, string>)[field] = section[key]!;
    if (section.credential_process !== undefined) p.credentialProcess = executableOf(section.credential_process);
    const expiryKey = expiryKeyOf(section);
    if (expiryKey) {
      const raw = section[expiryKey]!;
      const parsed = parseExpiry(raw);
      const where = keyLines[expiryKey] ?? { file: files.credentials.path };
      const expiry: ProfileExpiry = { key: expiryKey, raw, ...where };
      if (parsed) {
        expiry.iso = parsed.iso;
        expiry.assumedUtc = parsed.assumedUtc;
      }
      p.expiration = expiry;
    }
    profiles.push(p);
  }
  return profiles;
}
