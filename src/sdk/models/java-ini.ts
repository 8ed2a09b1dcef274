/**
 * How the AWS SDK for Java 2.x reads one shared file: core/profiles ProfileFileReader.parseFile
 * (aws-sdk-java-v2 2.2x/2.3x, commit 991e126 of internal/ProfileFileReader.java). A pure function
 * of the text and the file type; the result is the profile map the SDK builds, or the message of
 * the IllegalArgumentException it throws (Validate.isTrue), which makes the whole file unusable.
 *
 * - A line starting with "#" or ";" is a comment; a blank line is skipped.
 * - A line starting with "[" is a profile definition: trailing "#"/";" comments need no space
 *   before them; it must end with "]" (else the file fails). Config file: "profile" + a space or
 *   tab, then the name trimmed (so "[profile  x]" is x), or exactly "default"; any other bare name
 *   is ignored with a warning. Credentials file: the name as written ("[profile x]" is the invalid
 *   name "profile x"). A name outside [A-Za-z0-9_\-/.%@:+] is ignored (quotes included).
 *   In a config file "[profile default]" beats "[default]" in either order. A repeated profile
 *   merges (computeIfAbsent); a repeated key keeps the later value.
 * - A line starting with a space or a tab continues the previous property ("\n" + trimmed line);
 *   with no property before it the file fails ("Expected a profile or property definition").
 * - Any other line is "key = value" split at the first "="; no "=" fails the whole file, so does
 *   a property before any profile. Comments need whitespace before them (" #", " ;", "\t#", "\t;").
 *   Keys are case-sensitive. Values keep their quotes. A UTF-8 BOM is not skipped (InputStreamReader
 *   with UTF_8 keeps U+FEFF): "\uFEFF[default]" is a property line before any profile, so it fails.
 */
export type JavaFileType = 'CONFIGURATION' | 'CREDENTIALS';
export type JavaProfiles = Map<string, Record<string, string>>;
export type JavaParsed = { profiles: JavaProfiles } | { error: string; line: number };

const VALID_IDENTIFIER = /^[A-Za-z0-9_\-/.%@:+]*$/;

/** String.indexOf over several patterns, the earliest match (findEarliestMatch). */
function cut(line: string, patterns: string[]): string {
  const at = patterns.map((p) => line.indexOf(p)).filter((i) => i >= 0);
  return at.length ? line.slice(0, Math.min(...at)) : line;
}

/** StringUtils.trim is String.trim: strips every char ≤ U+0020 (not U+FEFF). */
const jtrim = (s: string) => s.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');

export function parseJava(text: string, type: JavaFileType): JavaParsed {
  const profiles: JavaProfiles = new Map();
  let current: string | undefined;
  let property: string | undefined;
  let ignoringProfile = false;
  let ignoringProperty = false;
  let seenProfileDefault = false;
  let subProperties = false;
  // BufferedReader.lines(): \n, \r or \r\n end a line.
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const line = lines[i]!;
    if (/^[\t ]*$/.test(line) || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      const bare = jtrim(cut(line, ['#', ';']));
      if (!bare.endsWith(']')) return { error: `Profile definition must end with ']' on line ${n}`, line: n };
      const raw = jtrim(bare.slice(1, -1));
      const prefixed = raw.startsWith('profile ') || raw.startsWith('profile\t');
      let name: string | undefined;
      if (type === 'CONFIGURATION') name = prefixed ? jtrim(raw.slice('profile'.length)) : raw === 'default' ? 'default' : undefined;
      else name = raw;
      if (name !== undefined && !VALID_IDENTIFIER.test(name)) name = undefined;
      if (name !== undefined && type === 'CONFIGURATION' && name === 'default' && profiles.has('default')) {
        if (!prefixed && seenProfileDefault) name = undefined; // [default] after [profile default]: ignored
        else if (prefixed && !seenProfileDefault) profiles.delete('default'); // [profile default] replaces an earlier [default]
      }
      if (name === 'default' && prefixed) seenProfileDefault = true;
      if (name === undefined) { ignoringProfile = true; continue; }
      current = name;
      property = undefined;
      ignoringProfile = false;
      ignoringProperty = false;
      if (!profiles.has(name)) profiles.set(name, {});
      continue;
    }
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (ignoringProfile || ignoringProperty) continue;
      if (current === undefined || property === undefined) return { error: `Expected a profile or property definition on line ${n}`, line: n };
      const p = profiles.get(current)!;
      // Under an empty-valued key (s3 =), each continuation must itself read "k = v".
      if (subProperties && !jtrim(line).includes('=')) return { error: `Expected an '=' sign defining a property on line ${n}`, line: n };
      p[property] = `${p[property]}\n${jtrim(line)}`;
      continue;
    }
    if (ignoringProfile) continue;
    if (current === undefined) return { error: `Expected a profile definition on line ${n}`, line: n };
    const body = jtrim(cut(line, [' #', ' ;', '\t#', '\t;']));
    const eq = body.indexOf('=');
    if (eq === -1) return { error: `Expected an '=' sign defining a property on line ${n}`, line: n };
    const key = jtrim(body.slice(0, eq));
    if (key === '') return { error: `Property did not have a name on line ${n}`, line: n };
    if (!VALID_IDENTIFIER.test(key)) { ignoringProperty = true; continue; }
    property = key;
    ignoringProperty = false;
    const value = jtrim(body.slice(eq + 1));
    subProperties = value === '';
    profiles.get(current)![key] = value;
  }
  return { profiles };
}
