import { defineRule, need } from '../../../kernel/rule.js';

const KIND: Record<string, string> = {
  ecs: 'ECS task role (agent at 169.254.170.2)',
  'eks-pod-identity': 'EKS Pod Identity (agent at 169.254.170.23 / [fd00:ec2::23])',
  loopback: 'a loopback endpoint (Greengrass, a local ECS emulator or a sidecar)',
  https: 'an HTTPS endpoint',
};

export default defineRule({
  code: 'CC5015',
  severity: 'error',
  title: 'Container credentials endpoint is misconfigured or failing',
  priority: 190,
  reads: ['imds'],
  check(facts) {
    const c = need(facts, 'imds').container;
    if (!c) return [];
    const what = `${c.source}=${c.url}`;
    if (c.kind === 'invalid-url') return [{ message: `${what} is not a URL: the SDK stops the chain with "not a valid container metadata service URL".`, fix: `Set ${c.source} to a full URL (EKS Pod Identity: http://169.254.170.23/v1/credentials) or unset it.` }];
    if (c.kind === 'not-allowed') return [{ message: `${what}: the host is not one the SDK accepts over http (169.254.170.2, 169.254.170.23, [fd00:ec2::23], loopback) and it is not https, so fromHttp throws "URL not accepted" and the chain stops.`, fix: 'Use https, or the ECS/EKS agent address; on ECS set AWS_CONTAINER_CREDENTIALS_RELATIVE_URI instead (the agent does this).' }];
    if (c.tokenProblem) return [{ message: `${what} (${KIND[c.kind]}): ${c.tokenSource}: ${c.tokenProblem}.`, fix: c.tokenProblem.includes('CR LF') ? 'Rewrite the token without the line ending (printf %s "$TOKEN" > file) or strip it.' : `Make ${c.tokenSource === 'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE' ? 'the token file readable by this user (EKS mounts it at /var/run/secrets/pods.eks.amazonaws.com/serviceaccount/eks-pod-identity-token)' : 'the token correct'}.` }];
    const s = c.step;
    if (!s || s.status === 'ok') return [];
    const auth = s.httpStatus === 401 || s.httpStatus === 403;
    return [{
      message: `${what} (${KIND[c.kind]}): the credentials request ${s.status === 'timeout' ? `got no answer within ${s.ms} ms` : s.status === 'invalid' ? `answered something that is not credentials (${s.error})` : `failed: ${s.error}`}.${auth ? ` ${c.tokenSource ? `The ${c.tokenSource} token was refused.` : 'No authorization token was sent (AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE / _TOKEN unset).'}` : ''}${c.bothSet ? ' Both RELATIVE_URI and FULL_URI are set; RELATIVE_URI wins.' : ''}`,
      fix: auth
        ? 'EKS Pod Identity: the pod needs AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE pointing at the projected token (restart the pod after creating the pod identity association).'
        : c.kind === 'ecs'
          ? 'Outside an ECS task, unset AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (it was copied from a task environment); inside one, check the task has a taskRoleArn and awsvpc/bridge networking reaches 169.254.170.2.'
          : 'Check the agent is running (EKS: the eks-pod-identity-agent DaemonSet) and reachable from this network namespace, or unset the variable outside the container.',
    }];
  },
});
