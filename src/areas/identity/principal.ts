import type { CallerFacts, PrincipalType } from './facts.js';

/** Reads the principal out of a caller ARN: arn:PARTITION:SERVICE::ACCOUNT:RESOURCE. */
export function parseCaller(account: string, arn: string, userId: string): CallerFacts {
  const parts = arn.split(':');
  const partition = parts[1];
  const resource = parts.slice(5).join(':');
  let principalType: PrincipalType = 'unknown';
  const extra: Partial<CallerFacts> = {};
  if (resource === 'root') principalType = 'root';
  else if (resource.startsWith('user/')) {
    principalType = 'iam-user';
    extra.userName = resource.split('/').pop();
  } else if (resource.startsWith('assumed-role/')) {
    principalType = 'assumed-role';
    const [, role, ...session] = resource.split('/');
    extra.roleName = role;
    extra.sessionName = session.join('/');
  } else if (resource.startsWith('federated-user/')) {
    principalType = 'federated-user';
    extra.userName = resource.slice('federated-user/'.length);
  }
  return { account, arn, userId, principalType, ...(partition ? { partition } : {}), ...extra };
}

/** Names each $source feature flag the SDK sets (see @aws-sdk/core setCredentialFeature). */
const SOURCES: Record<string, string> = {
  CREDENTIALS_CODE: 'passed in code',
  CREDENTIALS_ENV_VARS: 'environment variables',
  CREDENTIALS_ENV_VARS_STS_WEB_ID_TOKEN: 'web identity token (AWS_WEB_IDENTITY_TOKEN_FILE)',
  CREDENTIALS_STS_ASSUME_ROLE_WEB_ID: 'web identity token',
  CREDENTIALS_PROFILE: 'profile static keys',
  CREDENTIALS_PROFILE_SOURCE_PROFILE: 'profile role_arn via source_profile',
  CREDENTIALS_PROFILE_NAMED_PROVIDER: 'profile role_arn via credential_source',
  CREDENTIALS_PROFILE_STS_WEB_ID_TOKEN: 'profile web_identity_token_file',
  CREDENTIALS_PROFILE_SSO: 'profile SSO',
  CREDENTIALS_PROFILE_SSO_LEGACY: 'profile SSO (legacy)',
  CREDENTIALS_PROFILE_PROCESS: 'profile credential_process',
  CREDENTIALS_PROFILE_LOGIN: 'profile login session',
  CREDENTIALS_PROCESS: 'credential_process',
  CREDENTIALS_SSO: 'SSO',
  CREDENTIALS_HTTP: 'container credentials endpoint',
  CREDENTIALS_IMDS: 'EC2 instance metadata (IMDS)',
  CREDENTIALS_STS_ASSUME_ROLE: 'STS AssumeRole',
};

export function sourceLabel(flags: string[]): string {
  // The outermost link is the most specific: a profile role beats the static keys it started from.
  const order = Object.keys(SOURCES);
  const known = flags.filter((f) => SOURCES[f]).sort((a, b) => order.indexOf(b) - order.indexOf(a));
  const pick = flags.find((f) => f.startsWith('CREDENTIALS_PROFILE_')) ?? known[0];
  return pick ? SOURCES[pick] ?? pick : 'unknown';
}
