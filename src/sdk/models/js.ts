/**
 * Model of the AWS SDK for JavaScript v3 default chain: defaultProvider / fromNodeProviderChain in
 * @aws-sdk/credential-provider-node 3.972.x (src/defaultProvider.ts, remoteProvider.ts), fromIni's
 * resolveProfileData (credential-provider-ini), the file loader of @smithy/core 3.41
 * (submodules/config/shared-ini-file-loader: parseIni, getConfigData, mergeConfigFiles,
 * getProfileName). Docs: https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/setting-credentials-node.html
 * Refresh windows and file caching live in src/sdk/refresh.ts (REFRESH['js-v3']), not here.
 */
import { parseJs } from './ini.js';
import { Trail, assume, filePaths, fromOutcome, imdsAddress, imdsEndpoint, imdsOutcome, merge, nonEmpty, sectionsOf, type Profiles } from './common.js';
import type { Resolution, SdkModel, World } from './world.js';

export const JS_VERSION = '3.972.97';

/** prefixKeyRegex: a known prefix, exactly one whitespace character, an optionally quoted name. */
const PREFIXED = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/;

/** getConfigData: [default] first, then every [profile x] (so [profile default] always wins); bare names drop. */
function jsFiles(world: World): { fromConfig: Profiles; fromCreds: Profiles } {
  const { credentials, config } = filePaths(world);
  const parse = (p: string) => sectionsOf(parseJs(world.files[p] ?? ''));
  const cfgSections = parse(config);
  const fromConfig = merge(
    [...cfgSections.filter((s) => s.name === 'default'), ...cfgSections.filter((s) => s.name !== 'default')],
    (n) => { const m = PREFIXED.exec(n); return m ? (m[1] === 'profile' ? m[3] : undefined) : n === 'default' ? n : undefined; },
  );
  // The credentials file keeps raw names; "[profile x]" becomes the unreachable "profile.x".
  const fromCreds = merge(parse(credentials), (n) => { const m = PREFIXED.exec(n); return m ? `${m[1]}.${m[3]}` : n; });
  return { fromConfig, fromCreds };
}

export function jsProfiles(world: World): Profiles {
  const { fromConfig, fromCreds } = jsFiles(world);
  const out: Profiles = new Map(fromConfig);
  for (const [name, keys] of fromCreds) out.set(name, { ...(out.get(name) ?? {}), ...keys }); // credentials win key by key
  return out;
}

/**
 * The IMDS URL the JS SDK asks: @smithy/credential-provider-imds getInstanceMetadataEndpoint →
 * loadConfig(ENDPOINT_CONFIG_OPTIONS): env AWS_EC2_METADATA_SERVICE_ENDPOINT, else
 * fromSharedConfigFiles' ec2_metadata_service_endpoint (preferredFile "config": the config file's
 * key wins over the credentials file's) of getProfileName({}) = AWS_PROFILE || "default". No
 * profile is passed, so neither a profile named in code nor AWS_DEFAULT_PROFILE counts (oracle
 * set-ups "IMDS endpoint in [profile x] …").
 */
export function jsImdsEndpoint(world: World): string {
  const { fromConfig, fromCreds } = jsFiles(world);
  const profile = world.env.AWS_PROFILE || 'default';
  const setting = fromConfig.get(profile)?.ec2_metadata_service_endpoint ?? fromCreds.get(profile)?.ec2_metadata_service_endpoint;
  return imdsEndpoint(world.env.AWS_EC2_METADATA_SERVICE_ENDPOINT, setting, 'default');
}

type Got = Partial<Resolution> & { source: NonNullable<Resolution['source']> };
/** resolveProfileData: the kind of the profile decides; a thrown "stop" ends the whole chain. */
function resolveProfile(world: World, profiles: Profiles, name: string, visited: Set<string>, t: Trail): Got | { fell: string } | { stop: string; why: string } {
  const p = profiles.get(name);
  if (!p) return { fell: `profile ${name} not found` };
  const src = p.source_profile, cs = p.credential_source;
  if (nonEmpty(p.role_arn) && (src !== undefined) !== (cs !== undefined)) {
    let base: Got | { fell: string } | { stop: string; why: string };
    if (src !== undefined) {
      if (visited.has(src) && src !== name) return { fell: `source_profile loop at ${src}` };
      if (src === name) base = staticOf(p) ?? { fell: `${name} has no static keys to assume the role with` };
      else if (!profiles.has(src)) return { fell: `source_profile ${src} not found` };
      else base = resolveProfile(world, profiles, src, new Set([...visited, name]), t);
    } else if (cs === 'Environment') {
      base = nonEmpty(world.env.AWS_ACCESS_KEY_ID) && nonEmpty(world.env.AWS_SECRET_ACCESS_KEY) ? { source: 'env', accessKeyId: world.env.AWS_ACCESS_KEY_ID } : { fell: 'no env keys' };
    } else if (cs === 'Ec2InstanceMetadata') {
      const o = imdsOutcome(world, imdsAddress(jsImdsEndpoint(world)));
      base = o.ok ? { source: 'imds', ...fromOutcome(o) } : { fell: o.error };
    } else return { fell: `credential_source ${cs} not supported here` };
    if (!('source' in base)) return base;
    if (!assume(world, base.accessKeyId)) return { stop: 'InvalidClientTokenId', why: `STS rejected ${name}'s source key (InvalidClientTokenId)` };
    return { source: 'assume-role', viaSts: p.role_arn, profile: name };
  }
  const st = staticOf(p);
  if (st) return { ...st, profile: name };
  if (nonEmpty(p.web_identity_token_file) && nonEmpty(p.role_arn)) {
    if (world.files[p.web_identity_token_file] === undefined) return { stop: 'Error', why: `web_identity_token_file ${p.web_identity_token_file} cannot be read` };
    return { source: 'web-identity', viaSts: p.role_arn, profile: name };
  }
  if (nonEmpty(p.credential_process)) {
    const o = world.processes[p.credential_process];
    if (o?.ok && !(o.expiration && Date.parse(o.expiration) < Date.now())) return { source: 'process', ...fromOutcome(o), profile: name };
    return { fell: o?.ok ? 'credential_process returned expired credentials' : `credential_process failed (${o?.error ?? 'not run'})` };
  }
  if (['sso_start_url', 'sso_account_id', 'sso_session', 'sso_region', 'sso_role_name'].some((k) => p[k] !== undefined)) {
    return { stop: 'CredentialsProviderError', why: 'SSO profile: no valid cached token (fromSSO stops the chain)' };
  }
  return { fell: `profile ${name} has no credentials` };
}

function staticOf(p: Record<string, string>): Got | undefined {
  if (!nonEmpty(p.aws_access_key_id) || !nonEmpty(p.aws_secret_access_key)) return undefined;
  return { source: 'static', accessKeyId: p.aws_access_key_id, tokenFrom: p.aws_session_token ? 'file:aws_session_token' : undefined };
}

export function resolveJs(world: World): Resolution {
  const t = new Trail();
  const env = world.env;
  // A client `profile` option (world.profile) comes before AWS_PROFILE (getProfileName).
  const profile = world.profile || env.AWS_PROFILE || 'default';
  // fromEnv is skipped whenever init.profile or AWS_PROFILE is set (credential-provider-node defaultProvider).
  if (world.profile) t.skip('env', 'a profile is named in code: the JS SDK skips environment keys');
  else if (env.AWS_PROFILE !== undefined && env.AWS_PROFILE !== '') t.skip('env', 'AWS_PROFILE is set: the JS SDK skips environment keys');
  else if (nonEmpty(env.AWS_ACCESS_KEY_ID) && nonEmpty(env.AWS_SECRET_ACCESS_KEY)) {
    return t.won('env', 'env', { accessKeyId: env.AWS_ACCESS_KEY_ID, tokenFrom: env.AWS_SESSION_TOKEN ? 'env:AWS_SESSION_TOKEN' : undefined }, 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
  } else t.fell('env', 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY not both set');
  const profiles = jsProfiles(world);
  const r = resolveProfile(world, profiles, profile, new Set(), t);
  if ('stop' in r) return t.stop('ini', r.stop, r.why);
  if ('source' in r) return t.won('ini', r.source, { profile, ...r }, `profile ${profile}`);
  t.fell('ini', r.fell);
  const p = profiles.get(profile);
  if (p && nonEmpty(p.credential_process)) t.fell('process', 'credential_process failed again');
  else t.skip('process', 'no credential_process');
  if (nonEmpty(env.AWS_WEB_IDENTITY_TOKEN_FILE) && nonEmpty(env.AWS_ROLE_ARN)) {
    if (world.files[env.AWS_WEB_IDENTITY_TOKEN_FILE] === undefined) return t.stop('token-file', 'Error', 'AWS_WEB_IDENTITY_TOKEN_FILE cannot be read (fromTokenFile stops the chain)');
    return t.won('token-file', 'web-identity', { viaSts: env.AWS_ROLE_ARN }, 'AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN');
  }
  t.skip('token-file', 'AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN not both set');
  const full = env.AWS_CONTAINER_CREDENTIALS_FULL_URI, rel = env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
  if (rel || full) {
    const o = world.containers[rel ? `http://169.254.170.2${rel}` : full!] ?? { ok: false as const, error: 'nothing answers' };
    if (o.ok) return t.won('container', 'container', fromOutcome(o), rel ? 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI' : 'AWS_CONTAINER_CREDENTIALS_FULL_URI');
    t.fell('container', o.error);
    return t.none('CredentialsProviderError');
  }
  // remoteProvider: any non-empty value but "false" disables IMDS.
  if (nonEmpty(env.AWS_EC2_METADATA_DISABLED) && env.AWS_EC2_METADATA_DISABLED !== 'false') {
    t.skip('imds', `AWS_EC2_METADATA_DISABLED=${env.AWS_EC2_METADATA_DISABLED} (anything but "false" disables IMDS in JS)`);
    return t.none('CredentialsProviderError');
  }
  const o = imdsOutcome(world, imdsAddress(jsImdsEndpoint(world)));
  if (o.ok) return t.won('imds', 'imds', fromOutcome(o), 'instance role');
  t.fell('imds', o.error);
  return t.none('CredentialsProviderError');
}

export const jsModel: SdkModel = { sdk: 'js', version: JS_VERSION, resolve: resolveJs };
