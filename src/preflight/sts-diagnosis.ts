/**
 * A small STS error → diagnosis table, enough for preflight's reasons until the identity probe's
 * full diagnosis replaces it at integration (field-notes §4).
 */
export function diagnoseStsError(code: string, message: string, endpoint: string | undefined): { code: string; message: string; diagnosis: string; fix: string } {
  const at = endpoint ? ` at ${endpoint}` : '';
  const table: Record<string, [string, string]> = {
    ExpiredToken: ['the session token has expired', 'Get fresh credentials: re-run the step that assumes the role (configure-aws-credentials, aws sts assume-role) or `aws sso login`, and export all three variables again.'],
    ExpiredTokenException: ['the session token has expired', 'Get fresh credentials and export all three variables again.'],
    InvalidClientTokenId: ['the access key id is unknown to AWS, or an ASIA session key was sent without its session token', 'Export the key id, secret and session token from the same set (AWS_SESSION_TOKEN is required for ASIA keys); check the key is active in IAM.'],
    SignatureDoesNotMatch: [/expired|not yet current/i.test(message) ? 'the request was signed with a clock outside AWS\'s ±5 min window' : 'the secret access key does not match the key id (often pasted whitespace or a truncated secret)', /expired|not yet current/i.test(message) ? 'Fix the clock (chrony/timedatectl).' : 'Re-copy the secret access key exactly, or create a new key pair.'],
    RequestExpired: ['the request time is outside AWS\'s window: the clock is off', 'Fix the clock (chrony/timedatectl).'],
    RegionDisabledException: ['STS is not activated in this region for the account', 'Use a region where STS is active, or activate it in IAM → Account settings.'],
    Throttling: ['STS throttled the request', 'Retry later; reduce parallel credential checks.'],
    DeadlineExceeded: [`STS did not answer${at} in time`, 'Make STS reachable from the runner (proxy, firewall, VPC endpoint) or run with --offline to skip it.'],
    TimeoutError: [`STS did not answer${at} in time`, 'Make STS reachable from the runner (proxy, firewall, VPC endpoint) or run with --offline to skip it.'],
  };
  const isNet = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|EHOSTUNREACH|socket hang up|did not finish within/i.test(message);
  const hit = table[code] ?? (isNet ? [`STS could not be reached${at}: ${message}`, 'Make STS reachable from the runner (proxy, firewall, VPC endpoint, AWS_ENDPOINT_URL_STS) or run with --offline to skip it.'] : undefined);
  const [diagnosis, fix] = hit ?? [`STS answered ${code}: ${message}`, 'Run `credcheck identity` for a full diagnosis.'];
  return { code: isNet && !table[code] ? 'Unreachable' : code, message, diagnosis, fix };
}
