import { defineRule } from '../../../kernel/rule.js';
import { iniFiles, sectionLines } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1009',
  severity: 'warning',
  title: 'Keys before the first section header are ignored',
  priority: 430,
  reads: ['files'],
  check(facts) {
    return iniFiles(facts).flatMap((file) => {
      const first = sectionLines(file)[0]?.line ?? Number.POSITIVE_INFINITY;
      const orphans = file.lines.filter((l) => l.type === 'entry' && l.line < first);
      if (orphans.length === 0) return [];
      const lines = orphans.map((l) => l.line);
      const keys = [...new Set(orphans.map((l) => (l.type === 'entry' ? l.key : '')))];
      return [{
        message: `${orphans.length} key(s) (${keys.join(', ')}) on line(s) ${lines.join(', ')} of the ${file.kind} file come before any [section] header; the SDK skips them.`,
        fix: `Add a header above line ${lines[0]} of ${file.path} — [default] for the default profile${file.kind === 'config' ? ', or [profile NAME]' : ', or [NAME]'}.`,
        severity: orphans.some((l) => l.type === 'entry' && /^aws_/.test(l.key)) ? ('error' as const) : undefined,
        file: file.path,
        line: lines[0]!,
      }].map(({ severity, ...rest }) => (severity ? { ...rest, severity } : rest));
    });
  },
});
