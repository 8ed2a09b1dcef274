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
