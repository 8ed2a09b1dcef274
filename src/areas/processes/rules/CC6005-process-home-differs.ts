import { defineRule, need } from '../../../kernel/rule.js';
import { okValue } from '../../../kernel/probe.js';
import { label, usesEnvKeys } from './helpers.js';

/** "Works as me, fails as the service": the process reads different files than this shell. */
export default defineRule({
  code: 'CC6005',
  severity: 'warning',
  title: 'The process reads different credentials files than this shell',
  priority: 80,
  reads: ['processes', 'files'],
  check(facts) {
    const files = okValue(facts.files);
    if (!files) return [];
    return need(facts, 'processes').processes.flatMap((p) => {
      const theirs = p.files.find((f) => f.kind === 'credentials');
      if (!theirs || usesEnvKeys(p) || theirs.path === files.credentials.path) return [];
      return [{
        message: `${label(p)} runs as ${p.user ?? `uid ${p.uid}`} with HOME=${p.home ?? '(unset)'}, so it reads ${theirs.path}${theirs.exists ? '' : ' (which does not exist)'}; this credcheck run read ${files.credentials.path}. What works in your shell says little about that process.`,
        fix: `Check the process's own files: sudo -u ${p.user ?? '<user>'} env HOME=${p.home ?? '<home>'} credcheck doctor (or set AWS_SHARED_CREDENTIALS_FILE for the service explicitly).`,
        file: theirs.path,
        source: `pid ${p.pid}`,
      }];
    });
  },
});
