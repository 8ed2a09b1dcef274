import { defineRule, need } from '../../../kernel/rule.js';

/** `doctor --processes` as a user: other users' processes cannot be read, which is a fact to report. */
export default defineRule({
  code: 'CC6007',
  severity: 'warning',
  title: 'Some processes on this host could not be inspected',
  priority: 75,
  reads: ['processes'],
  check(facts) {
    const scan = need(facts, 'processes').scan;
    if (!scan || scan.notPermitted === 0) return [];
    return [{
      message: `${scan.notPermitted} of ${scan.total} processes belong to other users and their environment could not be read, so whether they use AWS credentials is unknown${scan.notPermittedExamples.length ? ` (e.g. ${scan.notPermittedExamples.join(', ')})` : ''}.`,
      fix: 'Run as root to see every process: sudo credcheck doctor --processes',
      source: 'processes',
    }];
  },
});
