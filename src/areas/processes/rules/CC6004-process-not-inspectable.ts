import { defineRule, need } from '../../../kernel/rule.js';

export default defineRule({
  code: 'CC6004',
  severity: 'error',
  title: 'Could not inspect the process',
  priority: 70,
  reads: ['processes'],
  check(facts) {
    return need(facts, 'processes').processes.flatMap((p) => {
      if (p.status === 'not-found' && p.pid === 0) {
        return [{ message: `No running process is named ${p.name ?? '?'} (matched against the command name and the base name of each argument, like pgrep).`, fix: 'List candidates with pgrep -af NAME (or systemctl status SERVICE) and pass a PID or the exact name to --pid.', source: `--pid ${p.name ?? ''}` }];
      }
      if (p.status === 'not-found') {
        return [{ message: `No process with PID ${p.pid}: ${p.detail ?? 'it may have exited'}.`, fix: 'Find the current PID (pgrep -af NAME or systemctl status SERVICE) and pass it to --pid.', source: `pid ${p.pid}` }];
      }
      if (p.status === 'permission-denied') {
        return [{ severity: 'warning' as const, message: `PID ${p.pid} belongs to another user: ${p.detail}. Its environment, HOME and files were not checked.`, fix: `Run as root or as that user: sudo credcheck doctor --pid ${p.pid}`, source: `pid ${p.pid}` }];
      }
      if (p.status === 'unsupported') {
        return [{ severity: 'warning' as const, message: `${p.detail}.`, fix: 'Run credcheck on the Linux host where the process runs.', source: `pid ${p.pid}` }];
      }
      return [];
    });
  },
});
