import type { Check } from '../commands/preflight/checks.js';
import { xmlField } from '../kernel/sanitize.js';

/** XML 1.0 text/attribute escaping of an untrusted value (secrets scrubbed, control characters shown). */
export const xmlEscape = xmlField;

export interface JunitOptions {
  suiteName?: string;
  /** ISO time the checks ran. */
  timestamp: string;
  hostname?: string;
  /** Total seconds the run took. */
  timeSeconds?: number;
}

/**
 * One testcase per check, in the Ant/Jenkins JUnit shape GitLab, Jenkins and most CI tools ingest:
 * fail → <failure>, warn → passes with the reason in <system-out> (a warning must not fail the
 * test report when it does not fail the job), skip → <skipped>.
 */
export function renderJunit(checks: Check[], opts: JunitOptions): string {
  const name = opts.suiteName ?? 'credcheck preflight';
  const failures = checks.filter((c) => c.status === 'fail').length;
  const skipped = checks.filter((c) => c.status === 'skip').length;
  const time = (opts.timeSeconds ?? 0).toFixed(3);
  const timestamp = opts.timestamp.replace(/\.\d+Z$|Z$/, '');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlEscape(name)}" tests="${checks.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${time}">`,
    `  <testsuite name="${xmlEscape(name)}" tests="${checks.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${time}" timestamp="${timestamp}" hostname="${xmlEscape(opts.hostname ?? 'localhost')}" id="0" package="credcheck">`,
    '    <properties/>',
  ];
  for (const c of checks) {
    const open = `    <testcase name="${xmlEscape(`${c.id}: ${c.name}`)}" classname="credcheck.preflight" time="0"`;
    if (c.status === 'fail') {
      lines.push(`${open}>`, `      <failure message="${xmlEscape(c.reason)}" type="${c.id}">${xmlEscape(c.reason)}</failure>`, '    </testcase>');
    } else if (c.status === 'skip') {
      lines.push(`${open}>`, `      <skipped message="${xmlEscape(c.reason)}"/>`, '    </testcase>');
    } else {
      lines.push(`${open}>`, `      <system-out>${xmlEscape(`${c.status === 'warn' ? 'WARNING: ' : ''}${c.reason}`)}</system-out>`, '    </testcase>');
    }
  }
  lines.push('    <system-out/>', '    <system-err/>', '  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}
