import { keyTypeOf, maskKeyId } from '../../kernel/mask.js';
import { decodeJwt } from '../../sdk/jwt.js';
import { refreshesFromChain } from '../../sdk/sources.js';
import type { FileFacts, ProfileFacts } from '../files/facts.js';
import type { SsmRuntimeConfig } from '../../sdk/ssm/runtime-config.js';
import type { Creds } from './attempt.js';
import type { ActiveCredentials, ChainLink, Hop } from './facts.js';

interface Ctx {
  env: NodeJS.ProcessEnv;
  files: FileFacts;
  ssm: SsmRuntimeConfig;
  now: string;
  /** exp claim of the AWS_WEB_IDENTITY_TOKEN_FILE JWT, if it has one. */
  tokenExp?: string;
}

/** profile → source_profile … → final source, as fromIni walks it (cycles stop the walk). */
export function hopsOf(start: ProfileFacts | undefined, all: ProfileFacts[]): Hop[] {
  const hops: Hop[] = [];
  const seen = new Set<string>();
  let p = start;
  while (p && !seen.has(p.name)) {
    seen.add(p.name);
    const hop: Hop = { profile: p.name, kind: p.kind };
    if (p.roleArn) hop.roleArn = p.roleArn;
    if (p.mfaSerial) hop.mfaSerial = p.mfaSerial;
    if (p.kind === 'assume-role') hop.via = p.sourceProfile ? `source_profile ${p.sourceProfile}` : `credential_source ${p.credentialSource}`;
    hops.push(hop);
    if (p.kind !== 'assume-role' || !p.sourceProfile) break;
    const next: string = p.sourceProfile;
    p = all.find((q) => q.name === next);
    if (!p) hops.push({ profile: next, kind: 'missing' });
  }
  return hops;
}

/** A Go zero time ("0001-01-01T00:00:00Z") means "never set" in the SSM agent's JSON. */
function realTime(iso: string | undefined): string | undefined {
  return iso && Date.parse(iso) > 0 ? iso : undefined;
}

/** exp claim of a web identity token (decoded by the shared JWT reader, which registers it as a secret). */
function jwtExp(token: string | undefined): string | undefined {
  if (!token) return undefined;
  const jwt = decodeJwt(token);
  return jwt.ok ? jwt.claims.exp : undefined;
}

export function describeActive(l: ChainLink, creds: Creds, ctx: Ctx): ActiveCredentials {
  const { env, files, ssm } = ctx;
  const a: ActiveCredentials = {
    source: l.source,
    accessKeyId: maskKeyId(creds.accessKeyId)!,
    keyType: keyTypeOf(creds.accessKeyId),
    expiration: creds.expiration ? creds.expiration.toISOString() : null,
    expirationSource: null,
    refreshable: false,
    refreshNote: '',
  };
  if (l.kind) a.kind = l.kind;
  if (l.profile && (l.source === 'ini' || l.source === 'process')) a.profile = l.profile;
  const profile = files.profiles.find((p) => p.name === l.profile);
  switch (l.source) {
    case 'env':
      if (env.AWS_CREDENTIAL_EXPIRATION) a.expirationSource = 'AWS_CREDENTIAL_EXPIRATION';
      else if (env.AWS_SESSION_EXPIRATION && Date.parse(env.AWS_SESSION_EXPIRATION) > 0) {
        a.expiration = new Date(env.AWS_SESSION_EXPIRATION).toISOString();
        a.expirationSource = 'AWS_SESSION_EXPIRATION';
      }
      a.refreshNote = 'exported environment keys never refresh: re-export them before they expire';
      break;
    case 'ini': {
      a.file = profile?.keyLines.aws_access_key_id?.file ?? profile?.keyLines.role_arn?.file ?? profile?.keyLines.credential_process?.file;
      if (a.file === undefined) delete a.file;
      if (l.kind === 'static') {
        const ssmFile = ssm.status === 'ok' ? (ssm.shareFile ?? files.credentials.path) : undefined;
        const ssmProfile = ssm.shareProfile ?? 'default';
        if (ssmFile && a.file === ssmFile && profile?.name === ssmProfile && realTime(ssm.credentialsExpiresAt)) {
          a.expiration = realTime(ssm.credentialsExpiresAt)!;
          a.expirationSource = `SSM agent ${ssm.path} (CredentialsExpiresAt)`;
          const retrieved = realTime(ssm.credentialsRetrievedAt);
          a.ssm = { path: ssm.path, credentialsExpiresAt: a.expiration, ...(retrieved ? { credentialsRetrievedAt: retrieved } : {}) };
          if (retrieved) a.ssm.nextRotation = new Date((Date.parse(retrieved) + Date.parse(a.expiration)) / 2).toISOString();
          a.refreshNote = 'the SSM agent rewrites this file at about half-life; processes that read it once keep the old keys';
          a.refreshable = true;
        } else if (profile?.expiration?.iso) {
          a.expiration = profile.expiration.iso;
          a.expirationSource = `profile key ${profile.expiration.key}`;
          a.refreshNote = 'static keys in a file never refresh by themselves';
        } else a.refreshNote = 'static keys in a file never refresh by themselves';
      } else {
        a.hops = hopsOf(profile, files.profiles);
        if (profile?.roleArn) a.roleArn = profile.roleArn;
        a.expirationSource = creds.expiration ? (l.kind === 'process' ? 'credential_process output' : l.kind === 'sso' ? 'SSO GetRoleCredentials response' : 'STS response') : null;
        a.refreshable = refreshesFromChain(l.source, l.kind, Boolean(creds.expiration));
        a.refreshNote = a.refreshable ? `the SDK resolves the ${l.kind} profile again when these expire` : 'no expiration: the SDK caches these for the life of the process';
      }
      break;
    }
    case 'process':
      a.expirationSource = creds.expiration ? 'credential_process output' : null;
      a.refreshable = refreshesFromChain(l.source, l.kind, Boolean(creds.expiration));
      a.refreshNote = a.refreshable ? 'the SDK runs credential_process again when these expire' : 'no Expiration: the SDK caches these forever';
      break;
    case 'token-file': {
      a.expirationSource = 'STS AssumeRoleWithWebIdentity response';
      a.refreshable = refreshesFromChain(l.source, l.kind, Boolean(creds.expiration));
      a.roleArn = env.AWS_ROLE_ARN;
      const exp = ctx.tokenExp;
      if (exp) a.expirationSource += `; token exp ${exp}`;
      a.refreshNote = 'the SDK exchanges the token file again when these expire (the token itself must be refreshed by its writer)';
      break;
    }
    case 'container':
    case 'imds':
      a.expirationSource = `${l.source === 'imds' ? 'IMDS' : 'container endpoint'} response`;
      a.refreshable = refreshesFromChain(l.source, l.kind, Boolean(creds.expiration));
      a.refreshNote = 'the SDK fetches new credentials from the endpoint before these expire';
      break;
    default:
      break;
  }
  if (a.expiration) a.timeLeftMs = Date.parse(a.expiration) - Date.parse(ctx.now);
  return a;
}

export { jwtExp };
