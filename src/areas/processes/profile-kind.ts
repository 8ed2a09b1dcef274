import { readSafely } from '../files/read.js';
import { profileKind } from '../files/profiles.js';
import type { ProfileKind } from '../files/facts.js';

/**
 * The kind of a profile in the process's own files, from key NAMES only (values are never kept):
 * credentials file first, then `[profile NAME]` (or `[default]`) in the config file.
 */
export async function profileKindIn(credentialsPath: string, configPath: string, profile: string): Promise<{ kind: ProfileKind; file?: string }> {
  const merged: Record<string, string> = {};
  let file: string | undefined;
  for (const [path, header] of [[credentialsPath, profile], [configPath, profile === 'default' ? 'default' : `profile ${profile}`]] as const) {
    const read = await readSafely(path, 256 * 1024);
    if (!read.text) continue;
    let inside = false;
    for (const raw of read.text.split(/\r?\n/)) {
      const line = raw.trim();
      const sec = /^\[\s*([^\]]+?)\s*\]/.exec(line);
      if (sec) {
        inside = sec[1] === header;
        continue;
      }
      const eq = line.indexOf('=');
      if (!inside || eq <= 0 || /^[#;]/.test(line)) continue;
      const key = line.slice(0, eq).trim().toLowerCase();
      if (!(key in merged)) merged[key] = '';
      file ??= path;
    }
  }
  return { kind: profileKind(merged), ...(file ? { file } : {}) };
}
