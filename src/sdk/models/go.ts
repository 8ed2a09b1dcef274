/**
 * Model of the AWS SDK for Go v2 default chain: config.LoadDefaultConfig in aws-sdk-go-v2 config
 * 1.17.10 (Debian golang-github-aws-aws-sdk-go-v2-dev 1.17.1): resolve_credentials.go
 * (resolveCredentialChain: env keys → env web identity → resolveCredsFromProfile: source profile
 * chain, static, credential_source, web identity, SSO, credential_process, container, IMDS; then
 * AssumeRole when role_arn is set), env_config.go (AWS_PROFILE then AWS_DEFAULT_PROFILE; AWS_ACCESS_KEY
 * / AWS_SECRET_KEY accepted; IMDS disabled only by "true", any case), shared_config.go
 * ([profile default] beats [default]; a missing profile named by the environment is ignored; a key
 * without its secret is an error), internal/ini.
 * Docs: https://aws.github.io/aws-sdk-go-v2/docs/configuring-sdk/#specifying-credentials
 * Refresh windows and file caching live in src/sdk/refresh.ts (REFRESH['go-v2']), not here.
 */
import { parseGo } from './ini.js';
import { Trail, assume, filePaths, fromOutcome, imdsAddress, imdsEndpoint, imdsOutcome, merge, nonEmpty } from './common.js';
import type { Resolution, SdkModel, World } from './world.js';

export const GO_VERSION = '1.17.10';

type Step = (Partial<Resolution> & { source: NonNullable<Resolution['source']> }) | { stop: string; why: string };

export function resolveGo(world: World): Resolution {
  const t = new Trail();
  const env = world.env;
  const { credentials, config } = filePaths(world);
  const c = parseGo(world.files[config] ?? ''), k = parseGo(world.files[credentials] ?? '');
  if ('error' in c || 'error' in k) return t.stop('config', 'ini.ParseError', 'a shared file does not parse');
  const cfgPlain = merge(c.sections.filter((s) => s.name === 'default'), (n) => n);
  const cfgNamed = merge(c.sections.filter((s) => s.name.startsWith('profile ')), (n) => n.slice('profile '.length).trim());
  const creds = merge(k.sections, (n) => n);
  const has = (n: string) => cfgNamed.has(n) || (n === 'default' && cfgPlain.has(n)) || creds.has(n);
  const section = (n: string) => ({ ...(cfgNamed.get(n) ?? (n === 'default' ? cfgPlain.get(n) : undefined) ?? {}), ...(creds.get(n) ?? {}) });
  const profile = world.profile || env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE || 'default';
  // WithSharedConfigProfile (world.profile): resolveCredentialChain's "case sharedProfileSet" goes
  // straight to the profile, before env keys and env web identity. A missing profile is no error
  // in 1.17.10 (oracle set-up "profile in code that does not exist"): the profile path goes on to IMDS.
  const explicit = Boolean(world.profile);
  const key = env.AWS_ACCESS_KEY_ID || env.AWS_ACCESS_KEY, secret = env.AWS_SECRET_ACCESS_KEY || env.AWS_SECRET_KEY;
  if (explicit) t.skip('env', 'a profile is named in code (WithSharedConfigProfile): env keys are not consulted');
  else if (nonEmpty(key) && nonEmpty(secret)) return t.won('env', 'env', { accessKeyId: key, tokenFrom: env.AWS_SESSION_TOKEN ? 'env:AWS_SESSION_TOKEN' : undefined }, 'environment keys');
  else t.fell('env', 'no complete key pair');
  if (explicit) t.skip('web-identity', 'a profile is named in code: the environment web identity is not consulted');
  else if (nonEmpty(env.AWS_WEB_IDENTITY_TOKEN_FILE)) {
    if (!nonEmpty(env.AWS_ROLE_ARN)) return t.stop('web-identity', 'errors.errorString', 'AWS_WEB_IDENTITY_TOKEN_FILE without AWS_ROLE_ARN');
    if (world.files[env.AWS_WEB_IDENTITY_TOKEN_FILE] === undefined) return t.stop('web-identity', 'fmt.wrapError', 'cannot read AWS_WEB_IDENTITY_TOKEN_FILE');
    return t.won('web-identity', 'web-identity', { viaSts: env.AWS_ROLE_ARN }, 'AWS_WEB_IDENTITY_TOKEN_FILE');
  } else t.skip('web-identity', 'AWS_WEB_IDENTITY_TOKEN_FILE not set');

  /** Static keys: the credentials file's section, else the config's; half a pair is an error. */
  const staticOf = (n: string): Step | undefined => {
    for (const p of [creds.get(n), cfgNamed.get(n) ?? (n === 'default' ? cfgPlain.get(n) : undefined)]) {
      if (!p || (p.aws_access_key_id === undefined && p.aws_secret_access_key === undefined)) continue;
      if (!nonEmpty(p.aws_access_key_id) || !nonEmpty(p.aws_secret_access_key)) return { stop: 'fmt.wrapError', why: `profile ${n}: partial credentials` };
      return { source: 'static', accessKeyId: p.aws_access_key_id, tokenFrom: p.aws_session_token ? 'file:aws_session_token' : undefined };
    }
    return undefined;
  };
  const imds = (): Step => {
    if ((env.AWS_EC2_METADATA_DISABLED ?? '').toLowerCase() === 'true') return { stop: 'smithy.OperationError', why: 'AWS_EC2_METADATA_DISABLED=true' };
    // imds.NewFromConfig → resolveEndpointConfig (feature/ec2/imds/api_client.go) asks the config
    // sources in order: EnvConfig (AWS_EC2_METADATA_SERVICE_ENDPOINT, empty = not found), then the
    // selected profile's SharedConfig.EC2IMDSEndpoint (shared_config.go: credentials file over
    // config file) — the same for the chain's IMDS and credential_source = Ec2InstanceMetadata.
    const o = imdsOutcome(world, imdsAddress(imdsEndpoint(env.AWS_EC2_METADATA_SERVICE_ENDPOINT, section(profile).ec2_metadata_service_endpoint, 'unset')));
    return o.ok ? { source: 'imds', ...fromOutcome(o) } : { stop: 'http.ResponseError', why: o.error };
  };
  const fromProfile = (n: string, chain: string[]): Step => {
    const p = has(n) ? section(n) : {};
    if (p.source_profile !== undefined && p.credential_source !== undefined) return { stop: 'errors.errorString', why: 'both source_profile and credential_source' };
    let base: Step;
    if (nonEmpty(p.role_arn) && p.source_profile !== undefined && p.source_profile !== n) {
      if (chain.includes(p.source_profile)) return { stop: 'config.SharedConfigAssumeRoleError', why: `source_profile loop through ${p.source_profile}` };
      if (!has(p.source_profile)) return { stop: 'config.SharedConfigProfileNotExistError', why: `source_profile ${p.source_profile} does not exist` };
      base = fromProfile(p.source_profile, [...chain, n]);
    } else {
      const st = staticOf(n);
      if (st) base = st;
      else if (p.credential_source === 'Environment') base = { stop: 'errors.errorString', why: 'credential_source Environment without env keys' };
      else if (p.credential_source === 'Ec2InstanceMetadata') base = imds();
      else if (p.web_identity_token_file !== undefined) {
        if (!nonEmpty(p.role_arn)) return { stop: 'config.CredentialRequiresARNError', why: 'web_identity_token_file without role_arn' };
        return world.files[p.web_identity_token_file] === undefined ? { stop: 'fmt.wrapError', why: 'cannot read web_identity_token_file' } : { source: 'web-identity', viaSts: p.role_arn, profile: n };
      } else if (Object.keys(p).some((x) => x.startsWith('sso_'))) {
        return p.sso_session !== undefined && p.sso_start_url === undefined ? { stop: 'errors.errorString', why: 'sso_session is not supported by this version' } : { stop: 'syscall.Errno', why: 'no cached SSO token' };
      } else if (p.credential_process !== undefined) {
        const o = world.processes[p.credential_process];
        base = o?.ok ? { source: 'process', ...fromOutcome(o) } : { stop: o?.error === 'not JSON' ? 'json.SyntaxError' : 'exec.ExitError', why: `credential_process failed (${o?.error ?? 'not run'})` };
      } else if (env.AWS_CONTAINER_CREDENTIALS_FULL_URI || env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI) {
        const rel = env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
        const o = world.containers[env.AWS_CONTAINER_CREDENTIALS_FULL_URI || `http://169.254.170.2${rel}`];
        base = o?.ok ? { source: 'container', ...fromOutcome(o) } : { stop: 'http.ResponseError', why: o?.error ?? 'nothing answers' };
      } else base = imds();
    }
    if ('stop' in base || !nonEmpty(p.role_arn)) return base;
    if (!assume(world, base.accessKeyId)) return { stop: 'smithy.GenericAPIError', why: 'STS rejected the source key' };
    return { source: 'assume-role', viaSts: p.role_arn, profile: n };
  };
  const r = fromProfile(profile, []);
  if ('stop' in r) return t.stop('profile', r.stop, r.why);
  return t.won(r.source === 'imds' || r.source === 'container' ? r.source : 'profile', r.source, { profile: has(profile) ? profile : undefined, ...r }, `profile ${profile}`);
}

export const goModel: SdkModel = { sdk: 'go', version: GO_VERSION, resolve: resolveGo };
