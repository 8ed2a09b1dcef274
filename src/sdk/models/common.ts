/** Small helpers every model shares: file locations, section → profile views, result builders. */
import type { Parsed, Section } from './ini.js';
import type { LinkVerdict, Outcome, Resolution, Source, World } from './world.js';

export type Profiles = Map<string, Record<string, string>>;

/** AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE, else ~/.aws/…; "~/" expands to the home. */
export function filePaths(world: World, home = world.home): { credentials: string; config: string } {
  const expand = (p: string) => (p.startsWith('~/') ? `${home}/${p.slice(2)}` : p);
  return {
    credentials: expand(world.env.AWS_SHARED_CREDENTIALS_FILE || `${home}/.aws/credentials`),
    config: expand(world.env.AWS_CONFIG_FILE || `${home}/.aws/config`),
  };
}

/** Sections → profiles, later sections merging over earlier ones of the same name. */
export function merge(sections: Section[], nameOf: (s: string) => string | undefined): Profiles {
  const out: Profiles = new Map();
  for (const s of sections) {
    const name = nameOf(s.name);
    if (name === undefined) continue;
    out.set(name, { ...(out.get(name) ?? {}), ...s.keys });
  }
  return out;
}

export const sectionsOf = (p: Parsed): Section[] => ('sections' in p ? p.sections : []);

/** Collects link verdicts and builds the final Resolution. */
export class Trail {
  links: LinkVerdict[] = [];
  skip(link: string, why: string): void { this.links.push({ link, status: 'skip', why }); }
  fell(link: string, why: string): void { this.links.push({ link, status: 'fell', why }); }
  stop(link: string, error: string, why: string): Resolution {
    this.links.push({ link, status: 'stop', why });
    return { ok: false, error, links: this.links };
  }
  won(link: string, source: Source, got: Partial<Resolution>, why: string): Resolution {
    this.links.push({ link, status: 'won', why });
    return { ok: true, source, ...got, links: this.links };
  }
  none(error: string): Resolution { return { ok: false, error, links: this.links }; }
}

/** The credentials a source's Outcome stands for. */
export const fromOutcome = (o: Outcome & { ok: true }): Partial<Resolution> => ({ accessKeyId: o.accessKeyId, expiration: o.expiration });

/** "host:port" of the IMDS an SDK would contact (port 80 unless the URL says otherwise). */
export function imdsAddress(url: string, ignorePort = false): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${ignorePort ? '80' : u.port || '80'}`;
  } catch {
    return url;
  }
}
/** The IMDS every SDK asks when nothing names another (endpoint mode IPv4, the default). */
export const IMDS_DEFAULT_URL = 'http://169.254.169.254';

/**
 * The IMDS URL an SDK asks for: AWS_EC2_METADATA_SERVICE_ENDPOINT, else the selected profile's
 * ec2_metadata_service_endpoint, else the default (every oracle SDK puts the env var first). An env
 * var set but empty: 'default' where the SDK takes it as found and then falls back as if it were
 * false (JS loadConfig, botocore get_config_variable), 'unset' where empty means not found (Go).
 * Endpoint mode (IPv6) is not modelled: no oracle may ask fd00:ec2::254, so it stays unconfirmed.
 */
export function imdsEndpoint(envValue: string | undefined, configValue: string | undefined, emptyEnv: 'default' | 'unset'): string {
  if (nonEmpty(envValue)) return envValue;
  if (envValue !== undefined && emptyEnv === 'default') return IMDS_DEFAULT_URL;
  return nonEmpty(configValue) ? configValue : IMDS_DEFAULT_URL;
}
export function imdsOutcome(world: World, address: string): Outcome {
  return world.imds[address] ?? { ok: false, error: 'nothing answers' };
}

/** STS AssumeRole / AssumeRoleWithWebIdentity: accepted when the source key is known (web identity: always). */
export function assume(world: World, sourceKey: string | undefined): boolean {
  return sourceKey === undefined || world.stsKnows === undefined || world.stsKnows.includes(sourceKey);
}

export const nonEmpty = (v: string | undefined): v is string => v !== undefined && v !== '';
