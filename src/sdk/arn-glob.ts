/** ARN knowledge: the glob language of --expect-arn. */
/**
 * `--expect-arn` globs: `*` matches any run of characters (including `/` and `:`, because ARNs
 * put session names after `/`), `?` one character; everything else is literal. Anchored both ends.
 */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (const ch of glob) {
    if (ch === '*') out += '.*';
    else if (ch === '?') out += '.';
    else out += ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, 's');
}

export function globMatches(glob: string, text: string): boolean {
  return globToRegExp(glob).test(text);
}
