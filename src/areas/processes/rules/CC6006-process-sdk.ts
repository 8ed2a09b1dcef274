import { defineRule, need } from '../../../kernel/rule.js';
import { label, sdkLabel } from './helpers.js';

/** What runs in the process, from what evidence, and what its SDK does with rotated files. */
export default defineRule({
  code: 'CC6006',
  severity: 'info',
  title: 'Which runtime and AWS SDK the process uses',
  priority: 90,
  reads: ['processes'],
  check(facts) {
    return need(facts, 'processes').processes.flatMap((p) => {
      const r = p.runtime;
      if (!r) return [];
      const sdk = sdkLabel(p);
      const m = p.model;
      const story = m
        ? ` At start it took ${m.sourceDetail || m.source} (${m.chainModel}).${m.rereadsFile === undefined ? '' : m.rereadsFile ? ' It sees a rotated file.' : ' It does not see a rotated file.'}${m.rereadWhy ? ` ${m.rereadWhy}` : ''}${m.refresh ? ` Refresh: ${m.refresh}.` : ''}${m.heldExpiry ? ` Expiry of what it holds: ${m.heldExpiry}.` : ''}`
        : '';
      const message = sdk
        ? `${label(p)} runs ${sdk}, concluded from ${r.evidence.join('; ')}.${story}`
        : `${label(p)}: ${r.runtime === 'unknown' ? 'runtime not recognised' : `${r.runtime}${r.runtimeVersion ? ` ${r.runtimeVersion}` : ''}, no AWS SDK found`}. Looked at: ${r.lookedAt.slice(0, 12).join(', ')}${r.lookedAt.length > 12 ? `, and ${r.lookedAt.length - 12} more` : ''}.${r.evidence.length ? ` ${r.evidence.join('; ')}.` : ''}`;
      return [{
        message,
        fix: m?.fix ?? (sdk ? 'Nothing to do unless it fails; see the other findings for this PID.' : 'If it uses AWS, check what it sees directly: sudo -u USER env HOME=HOME_OF_PROCESS credcheck doctor'),
        source: `pid ${p.pid}`,
      }];
    });
  },
});
