/**
 * Lays out one set-up on disk (a throw-away HOME with ~/.aws files, credential_process scripts, a
 * web identity token) and returns both what the real SDKs get (an environment) and what the
 * models get (the same environment, the files' text and each external source's outcome).
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Outcome, World } from '../../src/sdk/models/world.js';
import type { OracleCase } from './types.js';

export interface Servers {
  sts: string;
  /** IMDS base URLs (http://host[:port]) with and without an instance role attached. */
  imdsRole: string;
  imdsNone: string;
  container: string;
}

/** "host:port" of a URL, port spelled out (80 for http) as the models key IMDS addresses. */
export function hostPort(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || (u.protocol === 'https:' ? '443' : '80')}`;
}
/** Keys the servers hand out, and the base identity STS knows. */
export const KEYS = {
  base: 'AKIABASEORACLE000001',
  imds: 'ASIAIMDSORACLE000001',
  container: 'ASIACONTAINERORACLE1',
  /** A credential_process key (SECRET2/TOKEN2) that STS knows, for a role's source_profile. */
  procSource: 'ASIAPROCSOURCE000001',
};
export const SECRET = 'CANARYsecretKEY0000000000000000000000001';
export const SECRET2 = 'CANARYsecretKEY0000000000000000000000003';
export const TOKEN = 'CANARYsessionTOKEN00000000000000000000000000000002';
export const TOKEN2 = 'CANARYsessionTOKEN00000000000000000000000000000004';
export const tokenHash = (t: string) => createHash('sha256').update(t).digest('hex').slice(0, 12);

export type Script = { key: string; expired?: boolean } | { fail: string } | { garbage: string };

export interface SetUp {
  name: string;
  /** Text of ~/.aws/credentials and ~/.aws/config; HOME/ is replaced by the set-up's home. */
  credentials?: string;
  config?: string;
  /** Extra files under HOME (relative path → text). */
  files?: Record<string, string>;
  env?: Record<string, string>;
  /** Is an instance role attached (IMDS answers with KEYS.imds) or not (404 on iam/)? */
  imds?: boolean;
  /**
   * What AWS_EC2_METADATA_SERVICE_ENDPOINT names: by default the role IMDS when `imds`, else the
   * no-role one. 'unset' leaves it out, for set-ups whose files name the endpoint ({IMDS_ROLE} /
   * {IMDS_NONE} in their text); with neither, an SDK would try the link-local default, which the
   * oracles refuse (loopback only).
   */
  imdsEnv?: 'role' | 'none' | 'unset';
  /** Scripts HOME/<name> for credential_process. */
  scripts?: Record<string, Script>;
  /** Write HOME/token (a JWT) for web identity. */
  token?: boolean;
  /** A profile the program names in code (each SDK's own option), as credcheck's --profile. */
  profile?: string;
}

const FUTURE = '2099-01-01T00:00:00Z';
function scriptBody(s: Script): string {
  if ('fail' in s) return `echo '${s.fail}' >&2\nexit 3`;
  if ('garbage' in s) return `echo '${s.garbage}'`;
  const json = JSON.stringify({ Version: 1, AccessKeyId: s.key, SecretAccessKey: SECRET2, SessionToken: TOKEN2, Expiration: s.expired ? '2020-01-01T00:00:00Z' : FUTURE });
  return `echo '${json}'`;
}
function scriptOutcome(s: Script): Outcome {
  if ('fail' in s) return { ok: false, error: 'exit 3' };
  if ('garbage' in s) return { ok: false, error: 'not JSON' };
  return s.expired ? { ok: true, accessKeyId: s.key, expiration: '2020-01-01T00:00:00Z' } : { ok: true, accessKeyId: s.key, expiration: FUTURE };
}

function jwt(): string {
  const b = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b({ alg: 'RS256' })}.${b({ sub: 'system:serviceaccount:ci:runner', exp: 4102444800 })}.${TOKEN}`;
}

export function materialize(s: SetUp, servers: Servers): { oracle: OracleCase; world: World } {
  const home = mkdtempSync(join(tmpdir(), 'credcheck-oracle-home-'));
  mkdirSync(join(home, '.aws'));
  const sub = (text: string) => text.replace(/HOME\//g, `${home}/`).replace(/\{CONTAINER\}/g, servers.container)
    .replace(/\{IMDS_ROLE\}/g, servers.imdsRole).replace(/\{IMDS_NONE\}/g, servers.imdsNone);
  const files: Record<string, string> = {};
  const put = (rel: string, text: string, mode = 0o600) => {
    const path = join(home, rel);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    chmodSync(path, mode);
    files[path] = text;
  };
  if (s.credentials !== undefined) put('.aws/credentials', sub(s.credentials));
  if (s.config !== undefined) put('.aws/config', sub(s.config));
  for (const [rel, text] of Object.entries(s.files ?? {})) put(rel, sub(text));
  if (s.token) put('token', jwt());
  const processes: World['processes'] = {};
  for (const [name, script] of Object.entries(s.scripts ?? {})) {
    put(name, `#!/bin/sh\n${scriptBody(script)}\n`, 0o700);
    processes[join(home, name)] = scriptOutcome(script);
  }
  const env: Record<string, string> = {
    PATH: '/usr/bin:/bin', HOME: home, AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_STS: servers.sts,
  };
  const imdsEnv = s.imdsEnv ?? (s.imds ? 'role' : 'none');
  if (imdsEnv !== 'unset') env.AWS_EC2_METADATA_SERVICE_ENDPOINT = imdsEnv === 'role' ? servers.imdsRole : servers.imdsNone;
  for (const [k, v] of Object.entries(s.env ?? {})) env[k] = sub(v);
  const world: World = {
    env, home, files, processes,
    imds: {
      [hostPort(servers.imdsRole)]: s.imds ? { ok: true, accessKeyId: KEYS.imds, expiration: FUTURE } : { ok: false, error: 'no instance role (404)' },
      [hostPort(servers.imdsNone)]: { ok: false, error: 'no instance role (404)' },
    },
    containers: { [servers.container]: { ok: true, accessKeyId: KEYS.container, expiration: FUTURE } },
    stsKnows: [KEYS.base, KEYS.imds, KEYS.procSource, 'AKIAENVORACLE0000001'],
    ...(s.profile ? { profile: s.profile } : {}),
  };
  return { oracle: { name: s.name, env, ...(s.profile ? { profile: s.profile } : {}) }, world };
}
