/**
 * Model of botocore's default chain (AWS CLI v2, boto3): botocore 1.43 credentials.py
 * create_credential_resolver / ProfileProviderBuilder (env → assume-role → web identity → SSO →
 * shared credentials file → credential_process → config file → container → IMDS), session.py
 * (profile from AWS_DEFAULT_PROFILE, then AWS_PROFILE; ProfileNotFound for a named profile that
 * does not exist), configloader.py (configparser; build_profile_map: "profile x" via shlex, the
 * last of [default]/[profile default] wins). Unlike the JS SDK most errors stop the chain.
 * Docs: https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html and
 * https://boto3.amazonaws.com/v1/documentation/api/latest/guide/credentials.html
 * Refresh windows and file caching live in src/sdk/refresh.ts (REFRESH.botocore), not here.
 */
import { parseConfigparser } from './ini.js';
import { Trail, assume, filePaths, fromOutcome, imdsAddress, imdsEndpoint, imdsOutcome, merge, nonEmpty, type Profiles } from './common.js';
import type { Resolution, SdkModel, World } from './world.js';

export const BOTOCORE_VERSION = '1.43.11';

/** shlex.split of "profile x" → x when it splits into exactly two words (quotes, runs of spaces, tabs). */
export function shlexProfile(name: string): string | undefined {
  if (!name.startsWith('profile')) return undefined;
  const words = name.match(/"[^"]*"|'[^']*'|\S+/g)?.map((w) => w.replace(/^["']|["']$/g, '')) ?? [];
  return words.length === 2 && words[0] === 'profile' ? words[1] : undefined;
}

/** The shared files as botocore reads them, and the IMDS URL its session settles on (imdsUrl). */
interface Files { config: Profiles; creds: Profiles; full: Profiles; imdsUrl: string }
function load(world: World): Omit<Files, 'imdsUrl'> | { error: string } {
  const { credentials, config } = filePaths(world);
  const c = parseConfigparser(world.files[config] ?? '');
  const k = parseConfigparser(world.files[credentials] ?? '');
  if ('error' in c) return c;
  if ('error' in k) return k;
  const cfg: Profiles = new Map();
  for (const s of c.sections) {
    const name = s.name === 'default' ? 'default' : shlexProfile(s.name);
    if (name !== undefined) cfg.set(name, s.keys); // later replaces earlier
  }
  const creds = merge(k.sections, (n) => n);
  const full: Profiles = new Map(cfg);
  for (const [n, v] of creds) full.set(n, { ...(full.get(n) ?? {}), ...v });
  return { config: cfg, creds, full };
}

/**
 * The IMDS URL botocore asks: create_credential_resolver's imds_config (credentials.py) reads
 * session.get_config_variable('ec2_metadata_service_endpoint'): env AWS_EC2_METADATA_SERVICE_ENDPOINT,
 * else the session profile's key in full_config (the config file with the credentials file's keys
 * merged over it: Session.full_config); utils.py InstanceMetadataFetcher._select_base_url takes an
 * empty value as unset. `profile`: the session's (the one in code, AWS_DEFAULT_PROFILE, AWS_PROFILE).
 */
function botocoreImdsEndpoint(world: World, f: Omit<Files, 'imdsUrl'>, profile: string): string {
  return imdsEndpoint(world.env.AWS_EC2_METADATA_SERVICE_ENDPOINT, f.full.get(profile)?.ec2_metadata_service_endpoint, 'default');
}

type Step = Partial<Resolution> & { source: NonNullable<Resolution['source']> } | { stop: string; why: string } | undefined;

/** A profile's own credentials as a role source: role chain, web identity, SSO, static, process. */
function sourceCreds(world: World, f: Files, name: string, seen: string[]): Step {
  const p = f.full.get(name) ?? {};
  if (p.role_arn !== undefined && !(seen.length > 0 && seen[seen.length - 1] === name)) return assumeRole(world, f, name, seen);
  if (p.aws_access_key_id !== undefined) return { source: 'static', accessKeyId: p.aws_access_key_id };
  if (p.credential_process !== undefined) return processCreds(world, p.credential_process);
  return { stop: 'InvalidConfigError', why: `source profile ${name} has no credentials` };
}

function assumeRole(world: World, f: Files, name: string, seen: string[]): Step {
  const p = f.full.get(name)!;
  const src = p.source_profile, cs = p.credential_source;
  if (src !== undefined && cs !== undefined) return { stop: 'InvalidConfigError', why: 'both source_profile and credential_source' };
  if (src === undefined && cs === undefined) return { stop: 'PartialCredentialsError', why: 'role_arn without source_profile or credential_source' };
  let base: Step;
  if (src !== undefined) {
    if (!f.full.has(src)) return { stop: 'InvalidConfigError', why: `source_profile ${src} does not exist` };
    if (seen.includes(src) && src !== name) return { stop: 'InfiniteLoopConfigError', why: `source_profile loop through ${src}` };
    const self = src === name;
    base = self ? sourceCreds(world, f, src, [...seen, name]) : sourceCreds(world, f, src, [...seen, name]);
  } else if (cs === 'Environment') {
    base = nonEmpty(world.env.AWS_ACCESS_KEY_ID) ? { source: 'env', accessKeyId: world.env.AWS_ACCESS_KEY_ID } : { stop: 'CredentialRetrievalError', why: 'no env keys' };
  } else if (cs === 'Ec2InstanceMetadata') {
    const o = imdsOutcome(world, imdsAddress(f.imdsUrl));
    base = o.ok ? { source: 'imds', ...fromOutcome(o) } : { stop: 'CredentialRetrievalError', why: o.error };
  } else return { stop: 'InvalidConfigError', why: `credential_source ${cs}` };
  if (!base || 'stop' in base) return base;
  if (!assume(world, base.accessKeyId)) return { stop: 'ClientError', why: 'STS rejected the source key (InvalidClientTokenId)' };
  return { source: 'assume-role', viaSts: p.role_arn, profile: name };
}

function processCreds(world: World, command: string): Step {
  const o = world.processes[command];
  if (!o) return { stop: 'CredentialRetrievalError', why: 'credential_process not run' };
  if (!o.ok) return { stop: o.error === 'not JSON' ? 'JSONDecodeError' : 'CredentialRetrievalError', why: `credential_process failed (${o.error})` };
  if (o.expiration && Date.parse(o.expiration) < Date.now()) return { stop: 'RuntimeError', why: 'credential_process returned expired credentials (refreshed credentials are still expired)' };
  return { source: 'process', ...fromOutcome(o) };
}

/** Static keys in one file's profile: a key id without a secret is PartialCredentialsError. */
function staticIn(p: Record<string, string> | undefined, file: string): Step {
  if (!p || p.aws_access_key_id === undefined) return undefined;
  if (p.aws_secret_access_key === undefined) return { stop: 'PartialCredentialsError', why: `${file}: aws_access_key_id without aws_secret_access_key` };
  const token = p.aws_security_token !== undefined ? 'file:aws_security_token' : p.aws_session_token !== undefined ? 'file:aws_session_token' : undefined;
  return { source: 'static', accessKeyId: p.aws_access_key_id, tokenFrom: token };
}

export function resolveBotocore(world: World): Resolution {
  const t = new Trail();
  const env = world.env;
  const loaded = load(world);
  if ('error' in loaded) return t.stop('files', loaded.error, 'configparser rejects a shared file');
  // Session(profile_name=…) / the CLI's --profile (world.profile) beats both variables.
  const named = world.profile ?? env.AWS_DEFAULT_PROFILE ?? env.AWS_PROFILE;
  const profile = named ?? 'default';
  // One InstanceMetadataProvider per session: the session profile's endpoint serves the chain's last
  // link and every credential_source = Ec2InstanceMetadata alike.
  const f: Files = { ...loaded, imdsUrl: botocoreImdsEndpoint(world, loaded, profile) };
  if (named !== undefined && named !== 'default' && !f.full.has(named)) return t.stop('profile', 'ProfileNotFound', `profile ${named} does not exist`);
  const run = (link: string, step: Step, why: string): Resolution | undefined => {
    if (step === undefined) { t.skip(link, 'not configured'); return undefined; }
    if ('stop' in step) return t.stop(link, step.stop, step.why);
    return t.won(link, step.source, { profile: ['static', 'process', 'assume-role'].includes(step.source) ? profile : undefined, ...step }, why);
  };
  const envKey = env.AWS_ACCESS_KEY_ID;
  const envStep: Step = !nonEmpty(envKey) ? undefined
    : !nonEmpty(env.AWS_SECRET_ACCESS_KEY) ? { stop: 'PartialCredentialsError', why: 'AWS_ACCESS_KEY_ID without AWS_SECRET_ACCESS_KEY' }
    : { source: 'env', accessKeyId: envKey, tokenFrom: env.AWS_SECURITY_TOKEN !== undefined ? 'env:AWS_SECURITY_TOKEN' : env.AWS_SESSION_TOKEN !== undefined ? 'env:AWS_SESSION_TOKEN' : undefined };
  const p = f.full.get(profile) ?? {};
  // create_credential_resolver: "An explicitly provided profile will negate an EnvProvider."
  if (world.profile !== undefined) t.skip('env', 'a profile is named explicitly: botocore removes the env provider');
  const steps: Array<[string, () => Step, string]> = [
    ...(world.profile !== undefined ? [] : [['env', () => envStep, 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY'] as [string, () => Step, string]]),
    // AssumeRoleProvider._has_assume_role_config_vars: role_arn, and no web_identity_token_file.
    ['assume-role', () => (p.role_arn !== undefined && p.web_identity_token_file === undefined ? assumeRole(world, f, profile, []) : undefined), `role_arn in ${profile}`],
    ['web-identity', () => {
      // ProfileProviderBuilder._create_web_identity_provider(disable_env_vars=an explicit profile):
      // with a profile named in code only the profile's keys count (oracle set-up "profile in code, web identity in env").
      const fromEnv = world.profile === undefined;
      const file = (fromEnv ? env.AWS_WEB_IDENTITY_TOKEN_FILE : undefined) ?? p.web_identity_token_file;
      if (file === undefined) return undefined;
      const role = (fromEnv ? env.AWS_ROLE_ARN : undefined) ?? p.role_arn;
      if (!role) return { stop: 'InvalidConfigError', why: 'web identity token file without a role ARN' };
      if (world.files[file] === undefined) return { stop: 'FileNotFoundError', why: `cannot read ${file}` };
      return { source: 'web-identity', viaSts: role };
    }, 'web identity'],
    ['sso', () => {
      if (!['sso_start_url', 'sso_session'].some((k) => p[k] !== undefined)) return undefined;
      if (p.sso_session === undefined && ['sso_start_url', 'sso_region', 'sso_account_id', 'sso_role_name'].some((k) => p[k] === undefined)) return { stop: 'InvalidConfigError', why: 'incomplete SSO profile' };
      return { stop: 'SSOTokenLoadError', why: 'no cached SSO token (run aws sso login)' };
    }, 'SSO'],
    ['shared-credentials-file', () => staticIn(f.creds.get(profile), 'credentials file'), `[${profile}] in the credentials file`],
    ['custom-process', () => (p.credential_process !== undefined ? processCreds(world, p.credential_process) : undefined), 'credential_process'],
    ['config-file', () => staticIn(f.config.get(profile), 'config file'), `${profile} in the config file`],
    ['container-role', () => {
      const full = env.AWS_CONTAINER_CREDENTIALS_FULL_URI, rel = env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
      if (!full && !rel) return undefined;
      const o = world.containers[rel ? `http://169.254.170.2${rel}` : full!] ?? { ok: false as const, error: 'nothing answers' };
      return o.ok ? { source: 'container', ...fromOutcome(o) } : { stop: 'CredentialRetrievalError', why: o.error };
    }, 'container endpoint'],
  ];
  for (const [link, step, why] of steps) {
    const r = run(link, step(), why);
    if (r) return r;
  }
  // InstanceMetadataFetcher: disabled only when the value, lower-cased, is "true".
  if ((env.AWS_EC2_METADATA_DISABLED ?? '').toLowerCase() === 'true') {
    t.skip('iam-role', 'AWS_EC2_METADATA_DISABLED=true');
    return t.none('NoCredentials');
  }
  const o = imdsOutcome(world, imdsAddress(f.imdsUrl));
  if (o.ok) return t.won('iam-role', 'imds', fromOutcome(o), 'instance role');
  t.fell('iam-role', o.error);
  return t.none('NoCredentials');
}

export const botocoreModel: SdkModel = { sdk: 'botocore', version: BOTOCORE_VERSION, resolve: resolveBotocore };
