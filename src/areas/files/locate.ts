import { homedir } from 'node:os';
import { join, sep } from 'node:path';

/** Where the SDK (getHomeDir in @smithy/shared-ini-file-loader) finds home: HOME, USERPROFILE, HOMEDRIVE+HOMEPATH, os.homedir(). */
export interface HomeInfo {
  dir: string;
  source: 'HOME' | 'USERPROFILE' | 'HOMEDRIVE+HOMEPATH' | 'os.homedir()';
}

export function resolveHome(env: NodeJS.ProcessEnv): HomeInfo {
  if (env.HOME) return { dir: env.HOME, source: 'HOME' };
  if (env.USERPROFILE) return { dir: env.USERPROFILE, source: 'USERPROFILE' };
  if (env.HOMEPATH) return { dir: `${env.HOMEDRIVE ?? `C:${sep}`}${env.HOMEPATH}`, source: 'HOMEDRIVE+HOMEPATH' };
  return { dir: homedir(), source: 'os.homedir()' };
}

export type FileKind = 'credentials' | 'config';

export interface FileLocation {
  kind: FileKind;
  path: string;
  /** How the path was chosen, in words a user can act on. */
  source: string;
}

const ENV_VAR: Record<FileKind, string> = { credentials: 'AWS_SHARED_CREDENTIALS_FILE', config: 'AWS_CONFIG_FILE' };
const FLAG: Record<FileKind, string> = { credentials: '--credentials-file', config: '--config-file' };

/** Same precedence as the SDK, plus credcheck's own flag on top. Only a leading "~/" is expanded, as in the SDK. */
export function locateFile(kind: FileKind, env: NodeJS.ProcessEnv, flag?: string): FileLocation {
  const home = resolveHome(env);
  const expand = (p: string) => (p.startsWith('~/') ? join(home.dir, p.slice(2)) : p);
  if (flag) return { kind, path: expand(flag), source: FLAG[kind] };
  const fromEnv = env[ENV_VAR[kind]];
  if (fromEnv) return { kind, path: expand(fromEnv), source: `$${ENV_VAR[kind]}` };
  return { kind, path: join(home.dir, '.aws', kind), source: `default (home from ${home.source})` };
}
