import type { Facts } from '../../../kernel/facts.js';
import { defineRule, need, type Hit } from '../../../kernel/rule.js';
import type { CheckId } from '../checks.js';
import { okValue } from '../../../kernel/probe.js';
import { switchToRefreshing } from '../../../areas/chain/rules/helpers.js';

/**
 * preflight's verdicts as findings: a failing check is an error, a warning check a warning; passes
 * and skips say nothing. One code per check (checks.ts judges them): five are preflight's own; the
 * account, ARN, region and clock checks report the code doctor uses for the same problem (they
 * retired CC8004, CC8005, CC8008 and CC8007; see RETIRED_CODES in src/rules.ts).
 */
const CODES = [
  { code: 'CC8001', severity: 'error', title: 'No credentials for the job', priority: 960 },
  { code: 'CC8002', severity: 'error', title: 'STS did not validate the credentials', priority: 970 },
  { code: 'CC8003', severity: 'error', title: 'Credentials expire before the job ends', priority: 980 },
  { code: 'CC8006', severity: 'error', title: 'Long-term access keys where temporary ones are required', priority: 1010 },
  { code: 'CC8009', severity: 'error', title: 'Web identity token unusable for the job', priority: 1040 },
] as const;

const BY_CHECK: Record<CheckId, { code: string; fix: (facts: Facts) => string }> = {
  'credentials': { code: 'CC8001', fix: () => "Configure credentials before this step: in GitHub Actions run aws-actions/configure-aws-credentials first; elsewhere export AWS_PROFILE or the job's role. Run `credcheck doctor` to see why each source was skipped." },
  'identity': { code: 'CC8002', fix: (facts) => { const id = facts.preflight?.inputs.identity; return id && !id.ok ? id.fix : 'Verify the credentials with `credcheck identity` and follow its diagnosis.'; } },
  'ttl': { code: 'CC8003', fix: (facts) => ttlFix(facts) ?? "Request a longer session (role-duration-seconds in configure-aws-credentials, --duration-seconds for assume-role; raise the role's MaxSessionDuration), use a refreshing source (a profile with role_arn, web identity) instead of exported keys, or export AWS_CREDENTIAL_EXPIRATION with the keys so the expiry is known." },
  'account': { code: 'CC3020', fix: () => 'Point the job at the right account: check the role ARN given to configure-aws-credentials / AWS_ROLE_ARN / the profile, or fix --expect-account.' },
  'arn': { code: 'CC3021', fix: () => "Assume the expected role (check role-to-assume / AWS_ROLE_ARN / the profile's role_arn), or fix the --expect-arn glob (* matches any characters including / and :)." },
  'long-term-keys': { code: 'CC8006', fix: () => 'Replace the IAM user keys with a role: OIDC web identity (configure-aws-credentials with role-to-assume), or assume a role from them and use the ASIA session keys; then deactivate the AKIA key.' },
  'clock-skew': { code: 'CC4001', fix: () => "Fix time sync on the runner (chrony/systemd-timesyncd, or Amazon Time Sync 169.254.169.123 on EC2); in containers the host's clock is what counts." },
  'region': { code: 'CC3022', fix: () => 'Set AWS_REGION in the job (env: AWS_REGION: eu-west-1) or region in the profile; the JavaScript SDK does not read AWS_DEFAULT_REGION.' },
  'web-identity': { code: 'CC8009', fix: () => 'Make the token file hold a fresh OIDC token for the whole job: request the token late (GitLab id_tokens, GitHub id-token: write) and keep the role session at least as long as the job, or let the platform rotate the file (EKS does).' },
};

/** The job outlives exported keys: name the profile that would refresh itself, when there is one. */
function ttlFix(facts: Facts): string | undefined {
  const creds = facts.preflight?.inputs.credentials;
  const refreshing = creds && !creds.refreshable ? switchToRefreshing(okValue(facts.chain)) : undefined;
  return refreshing ? `The job outlives these keys: ${refreshing}; or request a longer session (--duration-seconds, role-duration-seconds in configure-aws-credentials).` : undefined;
}

export default defineRule({
  name: 'preflight-checks',
  reads: ['preflight'],
  codes: CODES,
  shares: ['CC3020', 'CC3021', 'CC3022', 'CC4001'],
  check(facts) {
    return need(facts, 'preflight').checks.flatMap((check): Hit[] => {
      if (check.status !== 'fail' && check.status !== 'warn') return [];
      const { code, fix } = BY_CHECK[check.id];
      return [{ code, severity: check.status === 'fail' ? 'error' : 'warning', message: `${check.name}: ${check.reason}`, fix: fix(facts), source: `preflight ${check.id}` }];
    });
  },
});
