/**
 * Model of the AWS SDK for Ruby v3 default chain as a client builds it (no :profile option):
 * aws-sdk-core 3.168.1 lib/aws-sdk-core/credential_provider_chain.rb (CredentialProviderChain#providers:
 * env → web identity → SSO → assume role → shared credentials → credential_process → ECS/IMDS),
 * shared_config.rb (profile: AWS_PROFILE, then AWS_DEFAULT_PROFILE; keys taken from one file as a
 * pair, never merged), ini_parser.rb, instance_profile_credentials.rb (3.168.1 connects to port 80
 * whatever port AWS_EC2_METADATA_SERVICE_ENDPOINT names; disabled only by "true", any case),
 * ecs_credentials.rb (RELATIVE_URI only: FULL_URI is not read by this version).
 * Docs: https://docs.aws.amazon.com/sdk-for-ruby/v3/developer-guide/setup-config.html
 * Refresh windows and file caching (Aws.shared_config, the CodeDeploy story) live in
 * src/sdk/refresh.ts (REFRESH['ruby-v3']), not here.
 */
import { parseRuby } from './ini.js';
import { Trail, assume, filePaths, fromOutcome, imdsAddress, imdsEndpoint, imdsOutcome, merge, nonEmpty } from './common.js';
import type { Resolution, SdkModel, World } from './world.js';

export const RUBY_VERSION = '3.168.1';

type Step = (Partial<Resolution> & { source: NonNullable<Resolution['source']> }) | { stop: string; why: string } | undefined;
const first = (env: World['env'], names: string[]) => { for (const n of names) if (env[n] !== undefined) return env[n]; return undefined; };

/** Set-up-wide variables the static_profile_* providers never read (env keys, env web identity, the remote links). */
const NOT_PROFILE = ['AWS_ACCESS_KEY_ID', 'AMAZON_ACCESS_KEY_ID', 'AWS_ACCESS_KEY', 'AWS_SECRET_ACCESS_KEY', 'AMAZON_SECRET_ACCESS_KEY', 'AWS_SECRET_KEY', 'AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'];
const PROFILE_LINKS = new Set(['web-identity', 'sso', 'assume-role', 'shared-credentials', 'process']);

/**
 * A client built with `profile:` (world.profile): CredentialProviderChain#providers tries the
 * static_profile_* providers (web identity, SSO, assume role, shared credentials, process of that
 * profile) before env_credentials, then the usual chain. Modelled as the profile's own links
 * first, then the whole chain with that profile; not covered by the Ruby oracle.
 */
export function resolveRuby(world: World): Resolution {
  if (!world.profile) return chainRuby(world);
  const env: World['env'] = { ...world.env, AWS_EC2_METADATA_DISABLED: 'true' };
  for (const k of NOT_PROFILE) delete env[k];
  const own = chainRuby({ ...world, env });
  const decided = own.links.find((l) => l.status === 'won' || l.status === 'stop');
  if (decided && PROFILE_LINKS.has(decided.link)) {
    const links = own.links.filter((l) => l.link !== 'env' && l.link !== 'imds');
    return { ...own, links: [{ link: 'env', status: 'skip', why: `profile ${world.profile} is named in code: its static_profile_* links run before env_credentials` }, ...links] };
  }
  return chainRuby(world);
}

function chainRuby(world: World): Resolution {
  const t = new Trail();
  const env = world.env;
  const key = first(env, ['AWS_ACCESS_KEY_ID', 'AMAZON_ACCESS_KEY_ID', 'AWS_ACCESS_KEY']);
  const secret = first(env, ['AWS_SECRET_ACCESS_KEY', 'AMAZON_SECRET_ACCESS_KEY', 'AWS_SECRET_KEY']);
  if (nonEmpty(key) && nonEmpty(secret)) {
    const token = first(env, ['AWS_SESSION_TOKEN', 'AMAZON_SESSION_TOKEN']);
    return t.won('env', 'env', { accessKeyId: key, tokenFrom: token ? (env.AWS_SESSION_TOKEN !== undefined ? 'env:AWS_SESSION_TOKEN' : 'env:AMAZON_SESSION_TOKEN') : undefined }, 'environment keys');
  }
  t.fell('env', 'no complete key pair in AWS_/AMAZON_ variables');
  const { credentials, config } = filePaths(world);
  const c = parseRuby(world.files[config] ?? '', env), k = parseRuby(world.files[credentials] ?? '', env);
  if ('error' in c || 'error' in k) return t.stop('shared-config', 'ArgumentError', 'a shared file has non-ASCII bytes and the locale is not UTF-8');
  const cfg = merge(c.sections, (n) => n), creds = merge(k.sections, (n) => n);
  const profile = world.profile ?? env.AWS_PROFILE ?? env.AWS_DEFAULT_PROFILE ?? 'default';
  const pc = cfg.get(profile) ?? {};
  // InstanceProfileCredentials#resolve_endpoint: env AWS_EC2_METADATA_SERVICE_ENDPOINT, else
  // SharedConfig#get_config_value('ec2_metadata_service_endpoint', profile:) — the credentials
  // file's key, then the config file's. The chain's link passes determine_profile_name (the one in
  // code, AWS_PROFILE, AWS_DEFAULT_PROFILE); credentials_from_source (credential_source =
  // Ec2InstanceMetadata) passes none, so Aws.shared_config's own: AWS_PROFILE, else "default".
  // Port 80 whatever the URL says (open_connection: @port defaults to 80).
  const imdsFor = (p: string) => imdsOutcome(world, imdsAddress(imdsEndpoint(env.AWS_EC2_METADATA_SERVICE_ENDPOINT, creds.get(p)?.ec2_metadata_service_endpoint ?? cfg.get(p)?.ec2_metadata_service_endpoint, 'default'), true));
  const imds = () => imdsFor(profile);

  // Web identity: the env pair, else the profile's pair in the config file.
  if (nonEmpty(env.AWS_ROLE_ARN) && nonEmpty(env.AWS_WEB_IDENTITY_TOKEN_FILE)) {
    if (world.files[env.AWS_WEB_IDENTITY_TOKEN_FILE] === undefined) return t.stop('web-identity', 'MissingWebIdentityTokenFile', 'AWS_WEB_IDENTITY_TOKEN_FILE cannot be read');
    return t.won('web-identity', 'web-identity', { viaSts: env.AWS_ROLE_ARN }, 'AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE');
  }
  if (nonEmpty(pc.web_identity_token_file) && nonEmpty(pc.role_arn)) {
    if (world.files[pc.web_identity_token_file] === undefined) return t.stop('web-identity', 'MissingWebIdentityTokenFile', 'web_identity_token_file cannot be read');
    return t.won('web-identity', 'web-identity', { viaSts: pc.role_arn, profile }, `profile ${profile}`);
  }
  t.skip('web-identity', 'no role ARN and token file pair');
  if (pc.sso_session !== undefined) return t.stop('sso', 'InvalidSSOToken', 'sso_session: no cached SSO token');
  if (pc.sso_start_url !== undefined || pc.sso_account_id !== undefined) {
    if (['sso_start_url', 'sso_region', 'sso_account_id', 'sso_role_name'].some((x) => pc[x] === undefined)) return t.stop('sso', 'ArgumentError', 'incomplete SSO profile');
    return t.stop('sso', 'InvalidSSOCredentials', 'no cached SSO token');
  }
  t.skip('sso', 'no sso_* keys');

  const pair = (p: Record<string, string> | undefined) => (p && nonEmpty(p.aws_access_key_id) && nonEmpty(p.aws_secret_access_key) ? p : undefined);
  const staticOf = (name: string) => pair(creds.get(name)) ?? pair(cfg.get(name));
  const procOf = (name: string) => creds.get(name)?.credential_process ?? cfg.get(name)?.credential_process;
  const processStep = (cmd: string): Step => {
    const o = world.processes[cmd];
    return o?.ok ? { source: 'process', ...fromOutcome(o) } : { stop: 'InvalidProcessCredentialsPayload', why: `credential_process failed (${o?.error ?? 'not run'})` };
  };
  const assumeRole = (name: string, chain: string[]): Step => {
    const p = cfg.get(name) ?? creds.get(name) ?? {};
    if (p.role_arn === undefined) return undefined;
    if (p.source_profile !== undefined && p.credential_source !== undefined) return { stop: 'CredentialSourceConflictError', why: 'both source_profile and credential_source' };
    let base: Step;
    if (p.source_profile !== undefined) {
      const src = p.source_profile;
      if (chain.includes(src) && src !== name) return { stop: 'SourceProfileCircularReferenceError', why: `loop through ${src}` };
      if (!cfg.has(src) && !creds.has(src)) return { stop: 'NoSuchProfileError', why: `source_profile ${src} does not exist` };
      const s = staticOf(src);
      base = src !== name ? assumeRole(src, [...chain, name]) : undefined;
      if (!base) base = s ? { source: 'static', accessKeyId: s.aws_access_key_id } : procOf(src) ? processStep(procOf(src)!) : { stop: 'NoSourceCredentials', why: `${src} has no credentials` };
    } else if (p.credential_source === 'Ec2InstanceMetadata') {
      const o = imdsFor(env.AWS_PROFILE ?? 'default');
      base = o.ok ? { source: 'imds', ...fromOutcome(o) } : { stop: 'MissingCredentialsError', why: o.error };
    } else if (p.credential_source === 'Environment') {
      base = nonEmpty(key) && nonEmpty(secret) ? { source: 'env', accessKeyId: key } : { stop: 'MissingCredentialsError', why: 'no env keys' };
    } else return { stop: 'NoSourceProfileError', why: 'role_arn without source_profile or credential_source' };
    if (!base || 'stop' in base) return base;
    if (!assume(world, base.accessKeyId)) return { stop: 'STS::Errors::InvalidClientTokenId', why: 'STS rejected the source key' };
    return { source: 'assume-role', viaSts: p.role_arn, profile: name };
  };
  const ar = assumeRole(profile, []);
  if (ar) return 'stop' in ar ? t.stop('assume-role', ar.stop, ar.why) : t.won('assume-role', ar.source, ar, `role_arn in ${profile}`);
  t.skip('assume-role', 'no role_arn');
  const s = staticOf(profile);
  if (s) {
    const inCreds = pair(creds.get(profile)) === s;
    return t.won('shared-credentials', 'static', { accessKeyId: s.aws_access_key_id, profile, tokenFrom: s.aws_session_token ? 'file:aws_session_token' : undefined }, `${profile} in the ${inCreds ? 'credentials' : 'config'} file`);
  }
  t.fell('shared-credentials', cfg.has(profile) || creds.has(profile) ? 'no key pair within one file' : `profile ${profile} not found`);
  const cmd = procOf(profile);
  if (cmd) {
    const st = processStep(cmd)!;
    return 'stop' in st ? t.stop('process', st.stop, st.why) : t.won('process', st.source, { ...st, profile }, 'credential_process');
  }
  t.skip('process', 'no credential_process');
  if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI) {
    const o = world.containers[`http://169.254.170.2${env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI}`];
    if (o?.ok) return t.won('ecs', 'container', fromOutcome(o), 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI');
    t.fell('ecs', o?.error ?? 'nothing answers');
    return t.none('NoCredentials');
  }
  if ((env.AWS_EC2_METADATA_DISABLED ?? 'false').toLowerCase() === 'true') {
    t.skip('imds', 'AWS_EC2_METADATA_DISABLED=true');
    return t.none('NoCredentials');
  }
  const o = imds();
  if (o.ok) return t.won('imds', 'imds', fromOutcome(o), 'instance role (port 80 of the endpoint host)');
  t.fell('imds', o.error);
  return t.none('NoCredentials');
}

export const rubyModel: SdkModel = { sdk: 'ruby', version: RUBY_VERSION, resolve: resolveRuby };
