import { defineRule } from '../../../kernel/rule.js';
import { checkHits } from './helpers.js';

export default defineRule({
  code: 'CC8007',
  severity: 'error',
  title: 'Clock is off by more than --max-clock-skew',
  priority: 1020,
  reads: ['preflight'],
  check: (facts) => checkHits(facts, 'clock-skew', "Fix time sync on the runner (chrony/systemd-timesyncd, or Amazon Time Sync 169.254.169.123 on EC2); in containers the host's clock is what counts."),
});
