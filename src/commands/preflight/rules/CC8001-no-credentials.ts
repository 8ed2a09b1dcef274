import { defineRule } from '../../../kernel/rule.js';
import { checkHits } from './helpers.js';

export default defineRule({
  code: 'CC8001',
  severity: 'error',
  title: 'No credentials for the job',
  priority: 960,
  reads: ['preflight'],
  check: (facts) => checkHits(facts, 'credentials', "Configure credentials before this step: in GitHub Actions run aws-actions/configure-aws-credentials first; elsewhere export AWS_PROFILE or the job's role. Run `credcheck doctor` to see why each source was skipped."),
});
