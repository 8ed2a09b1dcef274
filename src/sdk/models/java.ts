/**
 * Model of the AWS SDK for Java 2.x default chain, DefaultCredentialsProvider (aws-sdk-java-v2
 * 2.3x, core/auth): createChain builds SystemPropertyCredentialsProvider →
 * EnvironmentVariableCredentialsProvider → WebIdentityTokenFileCredentialsProvider →
 * ProfileCredentialsProvider → ContainerCredentialsProvider → InstanceProfileCredentialsProvider,
 * and AwsCredentialsProviderChain.resolveCredentials catches every RuntimeException and moves on:
 * no link ever stops the Java chain; the user sees one SdkClientException "Unable to load
 * credentials from any of the providers in the chain" listing each provider's message.
 * Profile: ProfileCredentialsUtils.credentialsProviderWithFeatureID (role_arn + web_identity_token_file
 * → any sso_* / sso_session → role_arn + source_profile | credential_source → login_session →
 * credential_process → aws_session_token → aws_access_key_id); profile name from the builder,
 * else the aws.profile system property, else AWS_PROFILE, else "default" (ProfileFileSystemSetting);
 * files: ProfileFile.defaultProfileFile (credentials file first: its keys win key by key) read by
 * ProfileFileReader (java-ini.ts). Settings: SdkSystemSetting (system property before env var).
 * Docs: https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/credentials-chain.html
 * No Java SDK runs here: this model is checked against the source only (verifiedBy "model").
 */
import { parseJava, type JavaProfiles } from './java-ini.js';
import { Trail, assume, filePaths, fromOutcome, imdsAddress, imdsEndpoint, imdsOutcome, nonEmpty } from './common.js';
import type { Outcome, Resolution, SdkModel, World } from './world.js';

export const JAVA_VERSION = '2.3x';

type Got = Partial<Resolution> & { source: NonNullable<Resolution['source']> };
type Step = Got | { fell: string };

/**
 * SystemSettingUtils.resolveSetting: the JVM system property, else the environment variable,
 * trimmed (String::trim); an empty value is still a value.
 */
function setting(world: World, property: string, env: string): string | undefined {
  return (world.jvmProperties?.[property] ?? world.env[env])?.trim();
}

/** SystemSettingsCredentialsProvider.resolveCredentials: trimmed; an empty key or secret throws. */
function keysFrom(get: (p: string, e: string) => string | undefined, where: string): Step {
  const key = get('aws.accessKeyId', 'AWS_ACCESS_KEY_ID')?.trim(), secret = get('aws.secretAccessKey', 'AWS_SECRET_ACCESS_KEY')?.trim();
  // AWS_SECRET_KEY (Java 1.x, Ruby, Go) is not read by 2.x: SdkSystemSetting.AWS_SECRET_ACCESS_KEY only.
  if (!key) return { fell: `no access key in ${where}` };
  if (!secret) return { fell: `access key but no secret key in ${where}` };
  return { source: 'env', accessKeyId: key, tokenFrom: get('aws.sessionToken', 'AWS_SESSION_TOKEN') !== undefined ? 'env:AWS_SESSION_TOKEN' : undefined };
}

/** ProfileFile.defaultProfileFile: credentials file added first, so its properties win; a file that fails to parse fails the provider. */
function profileFile(world: World): JavaProfiles | { error: string } {
  const { credentials, config } = filePaths(world);
  const out: JavaProfiles = new Map();
  for (const [path, type] of [[config, 'CONFIGURATION'], [credentials, 'CREDENTIALS']] as const) {
    const text = world.files[path];
    if (text === undefined) continue; // ProfileFileLocation: only a regular file that exists is added
    const parsed = parseJava(text, type);
    if ('error' in parsed) return { error: `${path}: ${parsed.error}` };
    for (const [name, keys] of parsed.profiles) out.set(name, { ...(out.get(name) ?? {}), ...keys });
  }
  return out;
}

function container(world: World): Outcome | undefined {
  const rel = world.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI, full = world.env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
  if (rel === undefined && full === undefined) return undefined;
  const url = rel !== undefined ? `${world.env.AWS_CONTAINER_SERVICE_ENDPOINT ?? 'http://169.254.170.2'}${rel}` : full!;
  // ContainerCredentialsEndpointProvider.validateURI: https, a loopback host, or the ECS/EKS addresses.
  try {
    const u = new URL(url);
    const host = u.hostname.replace(/^\[|\]$/g, '');
    const allowed = u.protocol === 'https:' || /^127\./.test(host) || host === '::1' || host === 'localhost' || ['169.254.170.2', '169.254.170.23', 'fd00:ec2::23'].includes(host);
    if (!allowed) return { ok: false, error: `the full URI ${url} has an invalid host (not loopback, not HTTPS)` };
  } catch {
    return { ok: false, error: 'Unable to fetch credentials from container (bad URI)' };
  }
  return world.containers[url] ?? { ok: false, error: 'nothing answers' };
}

/**
 * `configured`: the ec2_metadata_service_endpoint of the profile the provider was built for.
 * Ec2MetadataConfigProvider.getEndpointOverride (core/auth …/credentials/internal, aws-sdk-java-v2
 * 20fe77a): AWS_EC2_METADATA_SERVICE_ENDPOINT (system property first), else that property of the
 * builder's profileName, else ProfileFileSystemSetting.AWS_PROFILE (aws.profile, AWS_PROFILE, "default").
 */
function imds(world: World, configured: string | undefined): Outcome | { disabled: string } {
  // InstanceProfileCredentialsProvider.isLocalCredentialLoadingDisabled: getBooleanValueOrThrow,
  // i.e. SystemSettingUtils.safeStringToBoolean — "true"/"false" in any case, anything else throws.
  const v = setting(world, 'aws.disableEc2Metadata', 'AWS_EC2_METADATA_DISABLED') ?? 'false';
  if (v.toLowerCase() === 'true') return { disabled: 'AWS_EC2_METADATA_DISABLED=true: loading credentials from the local endpoint is disabled' };
  if (v.toLowerCase() !== 'false') return { disabled: `AWS_EC2_METADATA_DISABLED=${v} is neither "true" nor "false": IllegalStateException (IMDS is not asked)` };
  const endpoint = imdsEndpoint(setting(world, 'aws.ec2MetadataServiceEndpoint', 'AWS_EC2_METADATA_SERVICE_ENDPOINT'), configured, 'default');
  return imdsOutcome(world, imdsAddress(endpoint));
}

function processStep(world: World, command: string): Step {
  const o = world.processes[command];
  return o?.ok ? { source: 'process', ...fromOutcome(o) } : { fell: `credential_process failed (${o?.error ?? 'not run'})` };
}

/** ProfileCredentialsUtils: the profile's kind decides; every failure is an exception the chain swallows. */
function fromProfile(world: World, profiles: JavaProfiles, name: string, children: Set<string>): Step | undefined {
  const p = profiles.get(name)!;
  const has = (k: string) => p[k] !== undefined;
  if (has('role_arn') && has('web_identity_token_file')) {
    return world.files[p.web_identity_token_file!] === undefined ? { fell: `cannot read web_identity_token_file ${p.web_identity_token_file}` } : { source: 'web-identity', viaSts: p.role_arn, profile: name };
  }
  if (['sso_role_name', 'sso_account_id', 'sso_region', 'sso_start_url', 'sso_session'].some(has)) return { fell: 'SSO profile: no valid cached SSO token (needs the sso and ssooidc modules and aws sso login)' };
  if (has('role_arn')) {
    if (has('source_profile') && has('credential_source')) return { fell: 'Invalid profile file: profile has both source_profile and credential_source' };
    let base: Step | undefined;
    if (has('source_profile')) {
      // roleAndSourceProfileBasedProfileCredentialsProvider: a profile already in the chain is circular (itself included).
      if (children.has(name)) return { fell: `Invalid profile file: Circular relationship detected with profiles ${[...children].join(', ')}` };
      const src = p.source_profile!;
      const next = new Set([...children, name]);
      base = profiles.has(src) ? fromProfile(world, profiles, src, next) : undefined;
      if (base === undefined) return { fell: `The source profile of '${name}' was configured to be '${src}', but that source profile has no credentials configured` };
    } else if (has('credential_source')) {
      const cs = p.credential_source!;
      if (cs === 'Environment') base = keysFrom((prop, env) => setting(world, prop, env), 'system properties or environment');
      // ProfileCredentialsUtils.credentialSourceCredentialProvider: InstanceProfileCredentialsProvider
      // .profileFile(profileFile).profileName(name): this profile's own endpoint setting.
      else if (cs === 'Ec2InstanceMetadata') { const o = imds(world, p.ec2_metadata_service_endpoint); base = 'disabled' in o ? { fell: o.disabled } : o.ok ? { source: 'imds', ...fromOutcome(o) } : { fell: o.error }; }
      else if (cs === 'EcsContainer') { const o = container(world); base = o?.ok ? { source: 'container', ...fromOutcome(o) } : { fell: o ? o.error : 'no container URI set' }; }
      else return { fell: `credential_source ${cs} is not supported` };
    }
    if (base !== undefined) {
      if ('fell' in base) return base;
      if (!assume(world, base.accessKeyId)) return { fell: 'STS AssumeRole rejected the source key (InvalidClientTokenId)' };
      return { source: 'assume-role', viaSts: p.role_arn, profile: name };
    }
  }
  if (has('login_session')) return { fell: 'login_session: no cached login token' };
  if (has('credential_process')) return processStep(world, p.credential_process!);
  const need = (keys: string[]) => keys.find((k) => !has(k));
  if (has('aws_session_token') || has('aws_access_key_id')) {
    const missing = need(has('aws_session_token') ? ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token'] : ['aws_access_key_id', 'aws_secret_access_key']);
    if (missing) return { fell: `Profile property '${missing}' was not configured for '${name}'` };
    // AwsBasicCredentials.create validates: a blank key id or secret is rejected.
    if (!nonEmpty(p.aws_access_key_id?.trim()) || !nonEmpty(p.aws_secret_access_key?.trim())) return { fell: 'blank access key id or secret' };
    return { source: 'static', accessKeyId: p.aws_access_key_id, tokenFrom: has('aws_session_token') ? 'file:aws_session_token' : undefined, profile: name };
  }
  return undefined;
}

export function resolveJava(world: World): Resolution {
  const t = new Trail();
  const step = (link: string, s: Step | undefined, why: string, notSet: string): Resolution | undefined => {
    if (s === undefined) { t.skip(link, notSet); return undefined; }
    if ('fell' in s) { t.fell(link, s.fell); return undefined; }
    return t.won(link, s.source, s, why);
  };
  // 1. System properties: per JVM (-D flags), invisible from outside unless given.
  const props = world.jvmProperties;
  const sys = props === undefined ? undefined : keysFrom((p) => props[p], 'system properties');
  let r = step('system-properties', sys, 'aws.accessKeyId and aws.secretAccessKey', 'JVM system properties (aws.accessKeyId …) are not visible from outside the JVM');
  if (r) return r;
  // 2. Environment variables: a builder profileName does not skip them (unlike the JS SDK).
  r = step('env', keysFrom((_, e) => world.env[e], 'AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY'), 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY', '');
  if (r) return r;
  // 3. WebIdentityTokenFileCredentialsProvider (needs the sts module on the class path).
  const role = setting(world, 'aws.roleArn', 'AWS_ROLE_ARN'), file = setting(world, 'aws.webIdentityTokenFile', 'AWS_WEB_IDENTITY_TOKEN_FILE');
  const wi: Step | undefined = !role && !file ? undefined : !role || !file ? { fell: `${role ? 'AWS_WEB_IDENTITY_TOKEN_FILE' : 'AWS_ROLE_ARN'} is not set` }
    : world.files[file] === undefined ? { fell: `cannot read AWS_WEB_IDENTITY_TOKEN_FILE ${file}` } : { source: 'web-identity', viaSts: role };
  r = step('web-identity', wi, 'AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE not set');
  if (r) return r;
  // 4. ProfileCredentialsProvider.
  const name = world.profile ?? setting(world, 'aws.profile', 'AWS_PROFILE') ?? 'default';
  const profiles = profileFile(world);
  const prof: Step = 'error' in profiles ? { fell: `the profile file does not parse (${profiles.error})` }
    : !profiles.has(name) ? { fell: `Profile file contained no credentials for profile '${name}'` }
    : fromProfile(world, profiles, name, new Set()) ?? { fell: `Profile file contained no credentials for profile '${name}'` };
  r = step('profile', prof, `profile ${name}`, '');
  if (r) return r;
  // 5. ContainerCredentialsProvider.
  const c = container(world);
  r = step('container', c === undefined ? undefined : c.ok ? { source: 'container', ...fromOutcome(c) } : { fell: c.error }, 'container endpoint', 'neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor _FULL_URI is set');
  if (r) return r;
  // 6. InstanceProfileCredentialsProvider.
  // createChain (2.3x) builds InstanceProfileCredentialsProvider with .profileFile(builder.profileFile)
  // .profileName(builder.profileName), as ProfileCredentialsProvider: the profile link's name (the
  // builder's, else Ec2MetadataConfigProvider.resolveProfileName: aws.profile, AWS_PROFILE, "default").
  const i = imds(world, 'error' in profiles ? undefined : profiles.get(name)?.ec2_metadata_service_endpoint);
  r = step('instance-profile', 'disabled' in i ? { fell: i.disabled } : i.ok ? { source: 'imds', ...fromOutcome(i) } : { fell: i.error }, 'instance role', '');
  if (r) return r;
  return t.none('SdkClientException');
}

export const javaModel: SdkModel = { sdk: 'java', version: JAVA_VERSION, resolve: resolveJava };
