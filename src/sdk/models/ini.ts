/**
 * The four ways the SDKs read an ini file, as pure functions of its text. Each returns the
 * sections in file order (a name may repeat) or the error the SDK raises. Cited per parser.
 */
export type Section = { name: string; keys: Record<string, string> };
export type Parsed = { sections: Section[] } | { error: string; line?: number };

const lines = (text: string) => text.split(/\r?\n/);

/**
 * JS v3: @smithy/core 3.41 submodules/config/shared-ini-file-loader/parseIni.js (parseIni).
 * Comments start at line start or after whitespace; lines are trimmed (String.trim also drops a
 * BOM); split at the first "="; an empty value opens a sub-section; last duplicate key wins;
 * "[__proto__]" throws, which loadSharedConfigFiles swallows: the whole file reads as empty.
 * Section names are returned raw here; which are profiles is decided per file by the JS view.
 */
export function parseJs(text: string): Parsed {
  const sections: Section[] = [];
  let cur: Section | undefined;
  let sub: string | undefined;
  let n = 0;
  for (const raw of lines(text)) {
    n++;
    const line = raw.split(/(^|\s)[;#]/)[0].trim();
    if (line.startsWith('[') && line.endsWith(']')) {
      const name = line.slice(1, -1);
      if (name === '__proto__' || name === 'profile __proto__') return { error: 'Found invalid profile name', line: n };
      cur = { name, keys: {} };
      sections.push(cur);
      sub = undefined;
    } else if (cur) {
      const eq = line.indexOf('=');
      if (eq <= 0) continue;
      const [k, v] = [line.slice(0, eq).trim(), line.slice(eq + 1).trim()];
      if (v === '') sub = k;
      else {
        if (sub && raw.trimStart() === raw) sub = undefined;
        cur.keys[sub ? `${sub}.${k}` : k] = v;
      }
    }
  }
  return { sections };
}

/**
 * botocore: configparser.RawConfigParser (strict) via botocore/configloader.py raw_config_parse
 * (botocore 1.43). Keys lower-cased (optionxform), "=" or ":" delimit, whole-line "#"/";"
 * comments only (an inline "# x" stays in the value), a line indented deeper than the option
 * before it continues that value, duplicate sections/options and text before the first section
 * (a BOM included: str.strip keeps U+FEFF) raise, and so does a line that is not an option.
 * Every configparser.Error surfaces as botocore's ConfigParseError.
 */
export function parseConfigparser(text: string): Parsed {
  const sections: Section[] = [];
  const seen = new Set<string>();
  let cur: Section | undefined;
  let opt: string | undefined;
  let indent = Number.MAX_SAFE_INTEGER;
  const values: Record<string, string[]> = {};
  let n = 0;
  for (const raw of lines(text)) {
    n++;
    const stripped = raw.replace(/^[ \t\f\v\r]+|[ \t\f\v\r]+$/g, '');
    if (stripped.startsWith('#') || stripped.startsWith(';')) continue;
    if (stripped === '') {
      if (cur && opt) values[`${cur.name}\0${opt}`].push('');
      indent = Number.MAX_SAFE_INTEGER;
      continue;
    }
    const level = raw.length - raw.replace(/^[ \t\f\v\r]+/, '').length;
    if (cur && opt && level > indent) {
      values[`${cur.name}\0${opt}`].push(stripped);
      continue;
    }
    indent = level;
    const header = /^\[(.+)\]/.exec(stripped);
    if (header) {
      if (seen.has(header[1])) return { error: 'ConfigParseError', line: n };
      seen.add(header[1]);
      cur = { name: header[1], keys: {} };
      sections.push(cur);
      opt = undefined;
    } else if (!cur) return { error: 'ConfigParseError', line: n };
    else {
      const m = /^(.*?)\s*([=:])\s*(.*)$/.exec(stripped);
      if (!m) return { error: 'ConfigParseError', line: n };
      opt = m[1].trimEnd().toLowerCase();
      const key = `${cur.name}\0${opt}`;
      if (values[key]) return { error: 'ConfigParseError', line: n };
      values[key] = [m[3]];
    }
  }
  for (const s of sections) {
    for (const [key, v] of Object.entries(values)) {
      const [sec, name] = key.split('\0');
      if (sec === s.name) s.keys[name] = v.join('\n').trimEnd();
    }
  }
  return { sections };
}

/**
 * Ruby: aws-sdk-core 3.168.1 lib/aws-sdk-core/ini_parser.rb (IniParser.ini_parse). Comments only
 * after " ;"; "[profile x]" becomes x in both files (any whitespace run after profile); keys are
 * case-sensitive; an indented "k = v" belongs to the previous empty-valued key (never top level);
 * values are kept verbatim (quotes, "# x"). Ruby reads files in the locale's encoding: without a
 * UTF-8 locale a non-ASCII byte (a BOM) makes the regexps raise ArgumentError.
 */
export function parseRuby(text: string, env: Record<string, string | undefined>): Parsed {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  if (/[^\x00-\x7f]/.test(text) && !/utf-?8/i.test(locale)) return { error: 'ArgumentError', line: text.slice(0, text.search(/[^\x00-\x7f]/)).split('\n').length };
  const sections: Section[] = [];
  let cur: Section | undefined;
  for (const raw of text.split(/(?<=\n)/)) {
    const line = raw.replace(/\n$/, '').split(/\s;/)[0];
    const header = /^\[([^[\]]+)\]\s*(#.+)?$/.exec(line);
    if (header) {
      const named = /^profile\s+(.+?)$/.exec(header[1]);
      cur = { name: named ? named[1] : header[1], keys: {} };
      sections.push(cur);
    } else if (cur) {
      const item = /^(.+?)\s*=\s*(.+?)\s*$/.exec(line.replace(/\r$/, ''));
      if (item && !/^\s/.test(item[1])) cur.keys[item[1]] = item[2];
    }
  }
  return { sections };
}

/**
 * Go v2: internal/ini (lexer + parser, aws-sdk-go-v2 1.17.x as in Debian's package). Keys are
 * case-insensitive, "=" or ":" delimit, lines are trimmed, "#"/";" start a comment anywhere
 * after a value, surrounding quotes are dropped, section names are trimmed; a BOM is a ParseError.
 */
export function parseGo(text: string): Parsed {
  if (text.startsWith('\ufeff')) return { error: 'ini.ParseError', line: 1 };
  const sections: Section[] = [];
  let cur: Section | undefined;
  for (const raw of lines(text)) {
    const line = raw.trim();
    const header = /^\[(.*)\]/.exec(line);
    if (header) {
      cur = { name: header[1].trim(), keys: {} };
      sections.push(cur);
      continue;
    }
    if (!cur || line.startsWith('#') || line.startsWith(';')) continue;
    const m = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(line);
    if (!m) continue;
    let v = m[2].replace(/\s*[#;].*$/, '').trim();
    if (/^".*"$/.test(v)) v = v.slice(1, -1);
    cur.keys[m[1].toLowerCase()] = v;
  }
  return { sections };
}
