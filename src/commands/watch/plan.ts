import { readFile } from 'node:fs/promises';
import { parseDuration } from '../../kernel/duration.js';
import { UsageError } from '../../kernel/errors.js';
import { locateFile } from '../../areas/files/locate.js';
import { readSafely } from '../../areas/files/read.js';
import { feedSdk, sdkView } from '../../areas/files/sdk-view.js';
import { defaultImdsOffLimits, dmiHint } from '../../sdk/ec2-host.js';
import { resolveImdsConfig } from '../../areas/imds/config.js';
import { readSsmRuntimeConfig } from '../../sdk/ssm/runtime-config.js';
import { ContainerSource, ImdsSource } from './endpoint-source.js';
import { FileSource } from './file-follower.js';
import type { Source } from './source.js';

/** The flags that choose sources (see command.ts). */
export interface SourceFlags {
  profile?: string[];
  file?: string[];
  ssm?: boolean;
  ssmRuntimeConfig?: string;
  imds?: string | boolean;
  imdsInterval?: string;
  container?: string | boolean;
  pid?: string[];
  process?: string[];
  all?: boolean;
}

export interface Plan {
  sources: Source[];
  /** Processes to follow: pids and names. */
  pids: number[];
  names: string[];
  /** Notes for sources --all looked at and left out (shown once at start, never fatal). */
  notes: string[];
}

/** "path#profile" or "path" (profile: default). */
export function parseFileSpec(spec: string, env: NodeJS.ProcessEnv): { path: string; profile: string } {
  const hash = spec.lastIndexOf('#');
  const rawPath = hash > 0 ? spec.slice(0, hash) : spec;
  const profile = hash > 0 ? spec.slice(hash + 1) : 'default';
  if (!rawPath || !profile) throw new UsageError(`--file: "${spec}" is not PATH or PATH#PROFILE`);
  return { path: locateFile('credentials', env, rawPath).path, profile };
}

/** Profiles of a credentials file that hold a key pair (what --all follows). */
async function profilesWithKeys(path: string): Promise<string[]> {
  const read = await readSafely(path);
  if (read.status !== 'ok' || read.text === undefined) return [];
  feedSdk(path, read.text);
  const { credentialsFile } = await sdkView(path, `${path}.credcheck-watch-no-config`).catch(() => ({ credentialsFile: {} as Record<string, Record<string, string>> }));
  return Object.keys(credentialsFile).filter((p) => credentialsFile[p]?.aws_access_key_id && credentialsFile[p]?.aws_secret_access_key).sort();
}

/** The container endpoint as fromHttp builds it from the environment, and its token reader. */
function containerFromEnv(env: NodeJS.ProcessEnv, flag: string | boolean | undefined): { url: string; token: () => Promise<string | undefined> } | undefined {
  const relative = env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
  const full = env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
  const url = typeof flag === 'string' ? flag : relative ? `http://${env.CREDCHECK_ECS_CONTAINER_HOST || '169.254.170.2'}${relative}` : full;
  if (!url) return undefined;
  try {
    new URL(url);
  } catch {
    throw new UsageError(`--container: "${url}" is not a URL`);
  }
  const tokenFile = env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE;
  // Re-read each time: EKS Pod Identity rotates the token file.
  const token = async () => (tokenFile ? (await readFile(tokenFile)).toString().slice(0, 16 * 1024) : env.AWS_CONTAINER_AUTHORIZATION_TOKEN);
  return { url, token };
}

function positive(text: string, flag: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`${flag}: "${text}" is not a process id`);
  return Number(text);
}

/** Turns flags (and, with --all, what the host shows) into sources. Every endpoint is overridable. */
export async function planSources(flags: SourceFlags, env: NodeJS.ProcessEnv, pollMs: number): Promise<Plan> {
  const imdsMs = parseDuration(flags.imdsInterval ?? '1m', '--imds-interval');
  if (imdsMs < 1000) throw new UsageError('--imds-interval: must be at least 1s (IMDS is rate-limited per instance)');
  const plan: Plan = { sources: [], pids: (flags.pid ?? []).map((p) => positive(p, '--pid')), names: [...(flags.process ?? [])], notes: [] };
  const files = new Map<string, FileSource>();
  const addFile = (path: string, profile: string) => {
    const key = `${path}#${profile}`;
    if (!files.has(key)) files.set(key, new FileSource(path, profile, pollMs));
  };
  const defaultFile = locateFile('credentials', env).path;
  for (const p of flags.profile ?? []) addFile(defaultFile, p);
  for (const spec of flags.file ?? []) {
    const f = parseFileSpec(spec, env);
    addFile(f.path, f.profile);
  }
  if (flags.ssm || flags.all) {
    const ssm = await readSsmRuntimeConfig(env, flags.ssmRuntimeConfig);
    if (ssm.status === 'ok' && ssm.shareFile) addFile(ssm.shareFile, ssm.shareProfile ?? 'default');
    else if (flags.ssm) throw new UsageError(`--ssm: ${ssm.path} (${ssm.source}) ${ssm.status === 'ok' ? 'names no ShareFile' : `is ${ssm.status}${ssm.detail ? `: ${ssm.detail}` : ''}`}`);
  }
  if (flags.all) {
    for (const p of await profilesWithKeys(defaultFile)) addFile(defaultFile, p);
  }
  let imds: string | undefined;
  if (typeof flags.imds === 'string') imds = flags.imds;
  else if (flags.imds || flags.all) {
    const config = await resolveImdsConfig(env);
    // --all never guesses a link-local address it would poll forever: only an explicit endpoint
    // (--imds asks for it) or DMI saying EC2.
    const off = defaultImdsOffLimits(await dmiHint(env), { isDefault: config.isDefaultEndpoint, explicit: Boolean(flags.imds) }, { requireEc2: true });
    if (!off) imds = config.endpoint;
    else plan.notes.push(`IMDS not followed: ${off} (set AWS_EC2_METADATA_SERVICE_ENDPOINT or pass --imds URL)`);
  }
  if (imds) plan.sources.push(new ImdsSource(imds.replace(/\/+$/, ''), imdsMs));
  if (flags.container || flags.all) {
    const c = containerFromEnv(env, flags.container);
    if (c) plan.sources.push(new ContainerSource(c.url, c.token, imdsMs));
    else if (flags.container) throw new UsageError('--container: no URL given and AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/FULL_URI are unset');
  }
  const nothingChosen = !plan.sources.length && !files.size && !plan.pids.length && !plan.names.length;
  if (nothingChosen) addFile(defaultFile, env.AWS_PROFILE || 'default');
  plan.sources.unshift(...files.values());
  return plan;
}
