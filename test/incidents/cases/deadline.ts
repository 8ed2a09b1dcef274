import type { Incident } from '../incident.js';
import { CANARY, KEYS, staticProfile, userIdentity } from '../world.js';

/**
 * A verdict that calls an unfinished check healthy, or a duration printed with float noise.
 * "Incomplete: … in the rest: 0 errors, 0 warnings" is honest (it counts only the areas that
 * finished), so only a bare "0 errors, 0 warnings" verdict is false calm.
 */
const FALSE_CALM = [/No problems found/, /(?<!in the rest: )0 errors, 0 warnings/, /\d+\.\d{3,} ?ms/];

export const deadlineIncidents: Incident[] = [
  {
    id: 'timeout-50ms',
    from: 'issue 15: doctor --timeout 50ms reports healthy',
    title: 'doctor --timeout 50ms: most areas cannot finish',
    async stage(w) {
      w.write('.aws/credentials', staticProfile('default', KEYS.userA, CANARY.secret));
      await w.sts({ identities: [userIdentity(KEYS.userA, CANARY.secret)] });
      return { args: ['doctor', '--timeout', '50ms'] };
    },
    expect: { first: 'none', require: [/\d of \d areas not checked/], forbid: FALSE_CALM, exit: 'nonzero' },
  },
  {
    id: 'timeout-0',
    from: 'issue 15: doctor --timeout 0 says "No problems found"',
    title: 'doctor --timeout 0',
    async stage(w) {
      w.write('.aws/credentials', staticProfile('default', KEYS.userA, CANARY.secret));
      return { args: ['doctor', '--timeout', '0'] };
    },
    expect: { first: 'none', require: [/\d of \d areas not checked/], forbid: FALSE_CALM, exit: 'nonzero' },
  },
  {
    id: 'offline-skips-said',
    from: 'issue 15: an area skipped on request says so',
    title: 'doctor --offline on a healthy file',
    async stage(w) {
      w.write('.aws/credentials', staticProfile('default', KEYS.userA, CANARY.secret));
      return { args: ['doctor', '--offline'] };
    },
    expect: { first: 'none', require: [/skipped on request \(--offline\)/], forbid: [/No problems found/], exit: 0 },
  },
];
