import { dirname, join } from 'node:path';
import { absolute, compareVersions, exeName, fileText, isDir, listDir, mappedFiles, upwards, type ProcView, type SdkIdentity } from './view.js';

export function isRuby(view: ProcView): boolean {
  return /^ruby[\d.]*$/.test(exeName(view)) || /\/libruby[-.]?\d/.test(view.maps);
}

function scriptPath(view: ProcView): string | undefined {
  for (let i = 1; i < view.argv.length; i++) {
    const a = view.argv[i]!;
    if (a === '-e') return undefined;
    if (a.startsWith('-')) continue;
    return absolute(view, a);
  }
  return undefined;
}

const LOCKED = /^ {4}aws-sdk-core \(([\d.]+)\)$/m;

/**
 * aws-sdk-core is pure Ruby (nothing mapped), so: a Gemfile.lock beside the script pins the
 * version Bundler loads; otherwise RubyGems activates the newest aws-sdk-core in the gem paths
 * ($GEM_HOME, $GEM_PATH, Debian's and the distribution's gem directories, gem dirs seen in maps).
 */
export async function identifyRuby(view: ProcView): Promise<SdkIdentity> {
  const id: SdkIdentity = { runtime: 'ruby', evidence: [], lookedAt: [] };
  const rv = /libruby[-.]?(\d+\.\d+)/.exec(view.maps) ?? /ruby(\d+\.\d+)/.exec(exeName(view));
  if (rv) id.runtimeVersion = rv[1];
  const env = view.env ?? {};
  const script = scriptPath(view);
  const start = script ? dirname(script) : view.cwd;
  for (const dir of start ? upwards(start, 6) : []) {
    const lock = join(dir, 'Gemfile.lock');
    const text = await fileText(view, lock, 256 * 1024);
    if (text === undefined) continue;
    id.lookedAt.push(lock);
    const m = LOCKED.exec(text);
    if (m) {
      id.sdk = 'ruby-v3';
      id.sdkName = 'aws-sdk-core';
      id.sdkVersion = m[1];
      id.evidence.push(`${lock} pins aws-sdk-core ${m[1]}`);
      return id;
    }
    break;
  }
  const ver = id.runtimeVersion ? `${id.runtimeVersion}.0` : undefined;
  const mapped = mappedFiles(view.maps).map((f) => /^(.*\/gems)\/[^/]+\//.exec(f)?.[1]).filter((d): d is string => Boolean(d));
  const gemDirs = [...new Set([
    ...mapped,
    env.GEM_HOME && join(env.GEM_HOME, 'gems'),
    ...(env.GEM_PATH ?? '').split(':').filter(Boolean).map((p) => join(p, 'gems')),
    ...(start ? upwards(start, 6).map((d) => join(d, 'vendor', 'bundle', 'ruby', ver ?? '', 'gems')) : []),
    ver && `/var/lib/gems/${ver}/gems`,
    '/usr/local/share/gems/gems',
    '/usr/share/gems/gems',
    '/usr/share/rubygems-integration/all/gems',
    ver && `/usr/lib/ruby/gems/${ver}/gems`,
  ].filter((d): d is string => typeof d === 'string' && d.length > 0))];
  let best: { version: string; dir: string } | undefined;
  for (const dir of gemDirs) {
    if (!(await isDir(view, dir))) continue;
    id.lookedAt.push(dir);
    for (const name of await listDir(view, dir)) {
      const m = /^aws-sdk-core-(\d[\d.]*)$/.exec(name);
      if (m && (!best || compareVersions(m[1]!, best.version) > 0)) best = { version: m[1]!, dir: join(dir, name) };
    }
  }
  if (best) {
    id.sdkName = 'aws-sdk-core';
    id.sdkVersion = best.version;
    id.sdk = best.version.startsWith('3.') ? 'ruby-v3' : undefined;
    if (!id.sdk) delete id.sdk;
    id.evidence.push(`${best.dir} (the newest aws-sdk-core in the process's gem paths, which RubyGems activates without a Gemfile.lock)`);
  }
  return id;
}
