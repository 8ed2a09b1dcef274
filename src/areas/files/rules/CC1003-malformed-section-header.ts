import { defineRule } from '../../../kernel/rule.js';
import { SECTION_PREFIXES } from '../keys.js';
import { iniFiles, sectionLines } from '../../../kernel/rule-helpers.js';

/** Why the SDK's header regex (`prefix name`, one space, name of [\w-@+.%:/]) left this header unreachable. */
function diagnose(header: string): { why: string; suggestion: string } | undefined {
  const m = /^([\w-]+)(\s+)(["']?)(.*?)\3$/.exec(header);
  if (m) {
    const [, prefix = '', gap = '', , name = ''] = m;
    const known = (SECTION_PREFIXES as readonly string[]).includes(prefix);
    const clean = name.trim();
    if (name.replace(/^["']|["']$/g, '') === '__proto__') return { why: 'the name "__proto__" is reserved: the SDK drops the section', suggestion: `[${prefix} another-name]` };
    if (known && gap !== ' ') return { why: `more than one space or tab after "${prefix}" (the SDK allows exactly one)`, suggestion: `[${prefix} ${clean}]` };
    if (known) return { why: `the name "${clean}" has characters the SDK does not allow in a section name (only letters, digits and - _ @ + . % : /)`, suggestion: `[${prefix} ${clean.replace(/[^\w\-@+.%:/]+/g, '-')}]` };
    const close = (SECTION_PREFIXES as readonly string[]).find((p) => p.toLowerCase() === prefix.toLowerCase() || prefix.toLowerCase().startsWith(p.slice(0, 4)));
    return { why: `"${prefix}" is not a section type the SDK knows (profile, sso-session, services)`, suggestion: `[${close ?? 'profile'} ${clean}]` };
  }
  return undefined;
}

export default defineRule({
  code: 'CC1003',
  severity: 'error',
  title: 'Malformed section header: the SDK cannot reach this section',
  priority: 410,
  reads: ['files'],
  check(facts) {
    return iniFiles(facts).flatMap((file) =>
      sectionLines(file)
        .filter((s) => {
          if (s.header.trim() === '') return true;
          if (s.prefix !== undefined) return s.sdkName === null; // unknown prefix
          if (/\s/.test(s.header)) return true; // the regex failed: two spaces, a tab, padding
          return file.kind === 'config' && !/^[\w\-@+.%:/]+$/.test(s.header); // dropped for its characters
        })
        .flatMap((s) => {
          const name = s.header.trim().replace(/^profile\s+/, '').replace(/\s+/g, '-');
          const plain = file.kind === 'credentials' || name === 'default' ? `[${name || 'NAME'}]` : `[profile ${name || 'NAME'}]`;
          const d = diagnose(s.header.trim()) ?? { why: s.header.trim() === '' ? 'the header is empty' : 'the name has spaces or characters the SDK does not accept there', suggestion: plain };
          return [{
            message: `The SDK ignores [${s.header}] in the ${file.kind} file, and every key under it: ${d.why}.`,
            fix: `Rewrite the header as ${file.kind === 'credentials' ? d.suggestion.replace(/^\[profile /, '[') : d.suggestion} in ${file.path} line ${s.line}.`,
            file: file.path,
            line: s.line,
          }];
        }),
    );
  },
});
