import type { FileFacts, IniFileFacts, PathCheck } from './facts.js';
import { locateFile, resolveHome, type FileLocation } from './locate.js';
import { readSafely } from './read.js';
import { scanIni } from './scan.js';
import { feedSdk, sdkView } from './sdk-view.js';
import { buildProfiles } from './profiles.js';
import { checkExecutable, checkFile } from './paths.js';
import { sudoFacts } from './sudo.js';
import { recordRefusal } from '../../kernel/fs-guard.js';
import { describeRefusal } from '../../kernel/bounded-read.js';
import { prepareEnvInputs, prepareSsoToken, prepareTokenFile } from '../../sdk/inputs.js';
import { fileDifferences, splitPairs } from '../../sdk/models/file-diff.js';

export interface FileProbeOptions {
  env: NodeJS.ProcessEnv;
  profile?: string;
  credentialsFile?: string;
  configFile?: string;
}

/** Each file's text, kept only while probing (for the cross-file comparison). */
const texts = new WeakMap<IniFileFacts, string>();

async function readIni(location: FileLocation, env: NodeJS.ProcessEnv): Promise<IniFileFacts> {
  const read = await readSafely(location.path);
  const facts: IniFileFacts = {
    kind: location.kind,
    path: location.path,
    source: location.source,
    status: read.status,
    sdkReadsAsEmpty: false,
    lines: [],
  };
  if (read.detail) facts.detail = read.detail;
  if (read.fileType) facts.fileType = read.fileType;
  if (read.size !== undefined) facts.size = read.size;
  if (read.mode !== undefined) facts.mode = `0${read.mode.toString(8).padStart(3, '0')}`;
  if (read.uid !== undefined) facts.uid = read.uid;
  if (read.mtimeMs !== undefined) facts.mtime = new Date(read.mtimeMs).toISOString();
  if (read.validUtf8 !== undefined) facts.validUtf8 = read.validUtf8;
  if (read.text !== undefined) {
    const scanned = scanIni(read.text, location.kind);
    facts.lines = scanned.lines;
    facts.sdkReadsAsEmpty = scanned.sdkThrows;
    feedSdk(location.path, read.text);
    facts.sdkDifferences = fileDifferences(location.kind, read.text, env);
    texts.set(facts, read.text);
  } else {
    // Whatever credcheck could not read, the SDK must not try either (a FIFO blocks it, /dev/zero
    // never ends, /proc/kmsg waits): give it nothing, which is how it reads a missing file too.
    feedSdk(location.path, '');
    if (read.status === 'not-regular' || read.status === 'too-large') {
      recordRefusal({ op: 'shared file', path: location.path, kind: 'read', why: `${location.kind} file: ${describeRefusal(read)}`, read });
    }
  }
  return facts;
}

/** Reads both shared files as the SDK does, never blocking, never writing. */
export async function probeFiles(opts: FileProbeOptions): Promise<FileFacts> {
  const { env } = opts;
  const home = resolveHome(env);
  const envInputs = prepareEnvInputs(env);
  const [credentials, config] = await Promise.all([
    readIni(locateFile('credentials', env, opts.credentialsFile), env),
    readIni(locateFile('config', env, opts.configFile), env),
  ]);
  const split = splitPairs(texts.get(credentials) ?? '', texts.get(config) ?? '');
  if (split.length) credentials.sdkDifferences = [...(credentials.sdkDifferences ?? []), ...split].sort((a, b) => a.line - b.line);
  const { credentialsFile, configFile } = await sdkView(credentials.path, config.path);
  const merged: Record<string, Record<string, string>> = {};
  for (const file of [configFile, credentialsFile]) {
    for (const [name, values] of Object.entries(file)) merged[name] = { ...(merged[name] ?? {}), ...values };
  }
  const profiles = buildProfiles(merged, { credentials: credentialsFile, config: configFile }, { credentials, config });
  // SSO sessions (and legacy start URLs): the SDK gets the cached token from memory, never refreshing it.
  const ssoIds = new Set<string>();
  for (const [key, section] of Object.entries(configFile)) {
    if (key.startsWith('sso-session.')) ssoIds.add(key.slice('sso-session.'.length));
    else if (typeof section.sso_start_url === 'string' && !section.sso_session) ssoIds.add(section.sso_start_url);
  }
  const ssoCache = await Promise.all([...ssoIds].map((id) => prepareSsoToken(id, env)));
  await Promise.all([...new Set(profiles.flatMap((p) => (p.webIdentityTokenFile ? [p.webIdentityTokenFile] : [])))].map((p) => prepareTokenFile(p)));
  await envInputs;
  const paths: Record<string, PathCheck> = {};
  await Promise.all(
    profiles.flatMap((p) => [
      p.webIdentityTokenFile && checkFile(p.webIdentityTokenFile).then((c) => (paths[c.path] = c)),
      p.credentialProcess && checkExecutable(p.credentialProcess, env).then((c) => (paths[c.path] = c)),
    ]),
  );
  const profile: FileFacts['profile'] = opts.profile
    ? { name: opts.profile, source: '--profile' }
    : env.AWS_PROFILE
      ? { name: env.AWS_PROFILE, source: '$AWS_PROFILE' }
      : { name: 'default', source: 'default' };
  const facts: FileFacts = { home, profile, credentials, config, profiles, paths, root: process.geteuid?.() === 0 };
  if (ssoCache.length) facts.ssoCache = ssoCache;
  const sudo = await sudoFacts(env, home.dir);
  if (sudo) facts.sudo = sudo;
  return facts;
}
