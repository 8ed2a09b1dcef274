/**
 * Where the SDKs read one shared file differently, line by line: each SDK's parser and its view
 * of which sections are profiles (the same functions the chain models use, verified by the
 * oracle matrix; Java's against its source only), compared key by key. Values never leave this module: a difference says who
 * reads a key, who reads another value and who does not see it.
 */
import { parseConfigparser, parseGo, parseJs, parseRuby, type Parsed, type Section } from './ini.js';
import { merge, type Profiles } from './common.js';
import { shlexProfile } from './botocore.js';
import { parseJava } from './java-ini.js';
import type { SdkModel } from './world.js';

export type FileKind = 'credentials' | 'config';
type Sdk = SdkModel['sdk'];

export interface FileDifference {
  line: number;
  profile?: string;
  key?: string;
  /** A sentence naming the SDKs on each side. */
  message: string;
  /** The SDKs that do not get what the line says: no profile, another value than Node's, or an error. */
  hurt: Sdk[];
}

export const SDK_LABEL: Record<Sdk, string> = { js: 'Node', botocore: 'boto3 and the AWS CLI', ruby: 'Ruby', go: 'Go', java: 'Java' };
const SDKS: Sdk[] = ['js', 'botocore', 'ruby', 'go', 'java'];
/** The keys that decide credentials; others (region, s3 …) are left to other checks. */
const KEYS = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'role_arn', 'source_profile', 'credential_source', 'credential_process', 'web_identity_token_file', 'sso_start_url', 'sso_session'];
const JS_PREFIXED = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/;

function view(sdk: Sdk, kind: FileKind, text: string, env: Record<string, string | undefined>): Profiles | { error: string; line?: number } {
  // ProfileFileReader names the profiles itself (prefixes, [profile default], invalid names).
  if (sdk === 'java') { const j = parseJava(text, kind === 'credentials' ? 'CREDENTIALS' : 'CONFIGURATION'); return 'error' in j ? j : j.profiles; }
  const parsed: Parsed = sdk === 'js' ? parseJs(text) : sdk === 'botocore' ? parseConfigparser(text) : sdk === 'ruby' ? parseRuby(text, env) : parseGo(text);
  if ('error' in parsed) return sdk === 'js' ? new Map() : parsed; // JS swallows its parser's error: the file reads as empty
  const s: Section[] = parsed.sections;
  if (kind === 'credentials') {
    return merge(s, (n) => (sdk === 'js' && JS_PREFIXED.test(n) ? undefined : n));
  }
  if (sdk === 'js') {
    return merge([...s.filter((x) => x.name === 'default'), ...s.filter((x) => x.name !== 'default')], (n) => { const m = JS_PREFIXED.exec(n); return m ? (m[1] === 'profile' ? m[3] : undefined) : n === 'default' ? n : undefined; });
  }
  if (sdk === 'botocore') return merge(s, (n) => (n === 'default' ? n : shlexProfile(n)));
  if (sdk === 'go') return merge([...s.filter((x) => x.name === 'default'), ...s.filter((x) => x.name.startsWith('profile '))], (n) => (n === 'default' ? n : n.slice('profile '.length).trim()));
  return merge(s, (n) => n);
}

/** "do" or "does": boto3 and the AWS CLI are two. */
const verb = (sdks: Sdk[], plural: string, single: string) => (sdks.length === 1 && sdks[0] !== 'botocore' ? single : plural);
const join = (sdks: Sdk[]) => { const l = sdks.map((s) => SDK_LABEL[s]); return l.length < 2 ? l.join('') : `${l.slice(0, -1).join(', ')} and ${l[l.length - 1]}`; };

function lineOf(text: string, key: string | undefined, profile: string): number {
  const lines = text.split(/\r?\n/);
  if (key) {
    const i = lines.findIndex((l) => new RegExp(`^\\s*${key}\\s*[=:]`, 'i').test(l));
    if (i >= 0) return i + 1;
  }
  const h = lines.findIndex((l) => /^\s*\uFEFF?\[/.test(l) && l.includes(profile));
  return h >= 0 ? h + 1 : 1;
}

/** Pure: the differences between the SDKs' readings of one file. */
export function fileDifferences(kind: FileKind, text: string, env: Record<string, string | undefined> = {}): FileDifference[] {
  const views = new Map(SDKS.map((sdk) => [sdk, view(sdk, kind, text, env)] as const));
  const out: FileDifference[] = [];
  const failing = SDKS.filter((s) => 'error' in views.get(s)!);
  for (const s of failing) {
    const v = views.get(s) as { error: string; line?: number };
    const readers = SDKS.filter((x) => !failing.includes(x));
    out.push({ line: v.line ?? 1, hurt: [s], message: `${SDK_LABEL[s]} cannot read this file (${v.error})${readers.length ? `; ${join(readers)} read it` : ''}.` });
  }
  const ok = SDKS.filter((s) => !failing.includes(s));
  const profiles = new Set(ok.flatMap((s) => [...(views.get(s) as Profiles).keys()]));
  for (const profile of profiles) {
    const has = ok.filter((s) => (views.get(s) as Profiles).has(profile));
    if (has.length !== ok.length) {
      const missing = ok.filter((s) => !has.includes(s));
      out.push({ line: lineOf(text, undefined, profile), profile, hurt: missing, message: `${join(has)} ${verb(has, 'see', 'sees')} a profile ${profile} here; ${join(missing)} ${verb(missing, 'do', 'does')} not.` });
      continue;
    }
    for (const key of KEYS) {
      const values = ok.map((s) => (views.get(s) as Profiles).get(profile)![key]);
      if (values.every((v) => v === values[0])) continue;
      const groups = new Map<string | undefined, Sdk[]>();
      ok.forEach((s, i) => groups.set(values[i], [...(groups.get(values[i]) ?? []), s]));
      const absent = groups.get(undefined) ?? [];
      const present = [...groups.entries()].filter(([v]) => v !== undefined).map(([, g]) => g);
      const parts = present.map((g, i) => `${join(g)} ${verb(g, 'read', 'reads')} ${i === 0 ? 'one value' : 'a different value'}`);
      if (absent.length) parts.push(`${join(absent)} ${verb(absent, 'do', 'does')} not see it`);
      const jsGroup = ok.filter((s, i) => values[i] === values[ok.indexOf('js')]);
      out.push({ line: lineOf(text, key, profile), profile, key, hurt: ok.filter((s) => !jsGroup.includes(s)), message: `${key} in [${profile}]: ${parts.join('; ')}.` });
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

/**
 * Across the two files: a key id in one and its secret in the other. Node merges the files;
 * botocore stops with PartialCredentialsError; Go stops with an error; Ruby skips the profile;
 * Java merges like Node (ProfileFile.Aggregator). (Oracle set-ups "key id in credentials, secret
 * in config" and the reverse; Java: test/unit/sdk-java.test.ts.)
 */
export function splitPairs(credentials: string, config: string): FileDifference[] {
  const c = view('js', 'credentials', credentials, {}) as Profiles, f = view('js', 'config', config, {}) as Profiles;
  const out: FileDifference[] = [];
  for (const [name, keys] of c) {
    const other = f.get(name);
    if (!other) continue;
    const idHere = keys.aws_access_key_id !== undefined, secretHere = keys.aws_secret_access_key !== undefined;
    if (idHere === secretHere) continue;
    if ((idHere ? other.aws_secret_access_key : other.aws_access_key_id) === undefined) continue;
    out.push({
      line: lineOf(credentials, idHere ? 'aws_access_key_id' : 'aws_secret_access_key', name), profile: name, hurt: ['botocore', 'go', 'ruby'],
      message: `[${name}] has its ${idHere ? 'key id' : 'secret'} here and its ${idHere ? 'secret' : 'key id'} in the config file: boto3 and the AWS CLI stop here with PartialCredentialsError and Go stops with an error; Ruby skips the profile; Node and Java merge the files and use [${name}].`,
    });
  }
  return out;
}
