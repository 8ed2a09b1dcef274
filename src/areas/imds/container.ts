import { readFile } from 'node:fs/promises';
import { maskKeyId } from '../../kernel/mask.js';
import { registerSecret } from '../../kernel/secrets.js';
import { redactUrl } from '../../kernel/userinfo.js';
import type { ContainerFacts } from './facts.js';
import { step } from './http.js';

/** fromHttp's fixed ECS host; overridable for tests only (the SDK offers no override). */
const ECS_HOST = '169.254.170.2';

/** fromHttp's checkUrl: https anywhere, or http to the ECS/EKS hosts or loopback. */
export function containerKind(url: URL): ContainerFacts['kind'] {
  if (url.hostname === ECS_HOST) return 'ecs';
  if (url.hostname === '169.254.170.23' || url.hostname === '[fd00:ec2::23]') return 'eks-pod-identity';
  if (url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname)) return 'loopback';
  if (url.protocol === 'https:') return 'https';
  return 'not-allowed';
}

export interface ContainerProbeOptions {
  env?: NodeJS.ProcessEnv;
  deadlineMs?: number;
  showKeyIds?: boolean;
}

/** The container credentials URL the SDK would call (RELATIVE_URI wins, as in fromContainerMetadata), if either is set. */
export function containerEndpointUrl(env: NodeJS.ProcessEnv): string | undefined {
  const relative = env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
  if (relative) return `http://${env.CREDCHECK_ECS_CONTAINER_HOST || ECS_HOST}${relative}`;
  return env.AWS_CONTAINER_CREDENTIALS_FULL_URI || undefined;
}

/** Probes the container credentials endpoint the way @aws-sdk/credential-provider-http's fromHttp does. */
export async function probeContainer(opts: ContainerProbeOptions = {}): Promise<ContainerFacts | undefined> {
  const env = opts.env ?? process.env;
  const relative = env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
  const full = env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
  if (!relative && !full) return undefined;
  const source = relative ? 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI' : 'AWS_CONTAINER_CREDENTIALS_FULL_URI';
  const raw = containerEndpointUrl(env)!;
  const facts: ContainerFacts = { source, bothSet: Boolean(relative && full), url: redactUrl(raw), kind: 'invalid-url' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return facts;
  }
  facts.kind = relative ? 'ecs' : containerKind(url);
  if (facts.kind === 'not-allowed') return facts;

  const headers: Record<string, string> = {};
  const tokenFile = env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE;
  const tokenEnv = env.AWS_CONTAINER_AUTHORIZATION_TOKEN;
  let token: string | undefined;
  if (tokenFile) {
    facts.tokenSource = 'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE';
    try {
      token = (await readFile(tokenFile)).toString();
    } catch (error) {
      facts.tokenProblem = `cannot read ${tokenFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
      return facts;
    }
  } else if (tokenEnv) {
    facts.tokenSource = 'AWS_CONTAINER_AUTHORIZATION_TOKEN';
    token = tokenEnv;
  }
  if (token !== undefined) {
    registerSecret(token);
    // fromHttp rejects exactly the sequence "\r\n" (a lone CR or LF passes its check).
    if (token.includes('\r\n')) {
      facts.tokenProblem = 'the token contains a CR LF sequence (often a trailing newline written by echo on Windows or a CRLF file); the SDK refuses it';
      return facts;
    }
    headers.Authorization = token;
  }
  const r = await step('credentials', url.toString(), { headers, deadlineMs: opts.deadlineMs ?? 1000 });
  facts.step = r.step;
  if (r.step.status === 'ok' && r.body !== undefined) {
    try {
      const j = JSON.parse(r.body) as Record<string, unknown>;
      registerSecret(j.SecretAccessKey as string);
      registerSecret(j.Token as string);
      facts.credentials = {
        accessKeyId: maskKeyId(typeof j.AccessKeyId === 'string' ? j.AccessKeyId : undefined, opts.showKeyIds),
        ...(typeof j.Expiration === 'string' ? { expiration: j.Expiration } : {}),
        ...(typeof j.RoleArn === 'string' ? { roleArn: j.RoleArn } : {}),
        hasSecret: typeof j.SecretAccessKey === 'string',
        hasToken: typeof j.Token === 'string',
      };
      if (!facts.credentials.hasSecret || typeof j.AccessKeyId !== 'string') facts.step = { ...r.step, status: 'invalid', error: 'no AccessKeyId/SecretAccessKey in the answer' };
    } catch {
      facts.step = { ...r.step, status: 'invalid', error: 'the answer is not JSON' };
    }
  }
  return facts;
}
