import { stripUserinfo } from '../../kernel/userinfo.js';
import type { ProxyFacts } from './facts.js';

/**
 * Would metadata requests go through an HTTP proxy? botocore (AWS CLI v1/v2, boto3) builds its IMDS
 * session with the environment's proxies; curl reads only lowercase http_proxy for http:// URLs.
 * The JavaScript SDK v3 uses bare node:http and ignores proxy variables.
 */
export function proxyFacts(env: NodeJS.ProcessEnv, host = '169.254.169.254'): ProxyFacts | undefined {
  const upper = env.HTTP_PROXY;
  const lower = env.http_proxy;
  const value = lower || upper;
  if (!value) return undefined;
  const variable = lower ? 'http_proxy' : 'HTTP_PROXY';
  const proxy = stripUserinfo(value).replace(/\/$/, '');
  const noProxy = env.NO_PROXY ?? env.no_proxy;
  const entries = (noProxy ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  // Only a literal entry works everywhere: CIDR ranges and suffixes are not understood by every client.
  const bypassed = entries.includes('*') || entries.includes(host);
  const tools: string[] = [];
  if (!bypassed) {
    tools.push(`AWS CLI / botocore / boto3 (${variable})`);
    if (lower) tools.push('curl (http_proxy)');
  }
  return { variable, proxy, ...(noProxy !== undefined ? { noProxy } : {}), bypassed, tools };
}
