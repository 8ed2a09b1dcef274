import { defineRule } from '../../../kernel/rule.js';

/**
 * Something in the process (in practice an SDK provider) tried to create, change or remove a file
 * and fs-guard refused it. credcheck's result may differ from a normal SDK run, which would have
 * written; the path says what.
 */
export default defineRule({
  code: 'CC1038',
  severity: 'warning',
  title: 'A write was refused: credcheck is read-only',
  priority: 565,
  reads: ['io'],
  check(facts) {
    const seen = new Set<string>();
    return (facts.io?.refusals ?? [])
      .filter((r) => r.kind === 'write' && !seen.has(r.path) && seen.add(r.path))
      .map((r) => ({
        message: `Something in credcheck's process (the AWS SDK, in practice) tried to write ${r.path} (${r.op}); credcheck refused, because it never writes what it inspects. A normal SDK run would have written it, so what follows may differ from what your application sees.`,
        fix: 'Nothing to fix in your setup. If this keeps appearing, report it: credcheck should have served that SDK step from memory.',
        file: r.path,
      }));
  },
});
