import { redactUrl } from '../../kernel/userinfo.js';

/**
 * Proxy selection from the environment, the way curl and the AWS CLI read it: the scheme's own
 * variable (lower case first, then upper case), NO_PROXY/no_proxy bypass lists. The JavaScript
 * SDK v3 reads none of these (NodeHttpHandler has no proxy support): credcheck uses them for its
 * own STS call and reports that difference.
 */
export interface ProxyChoice {
  /** The proxy URL with any password masked, for display. */
  display: string;
  /** The real URL (may contain credentials: register it as a secret before use). */
  url: string;
  variable: string;
}

export interface ProxyDecision {
  proxy?: ProxyChoice;
  /** A proxy was configured but NO_PROXY matched the endpoint host. */
  bypassedBy?: { variable: string; entry: string };
}

export function maskProxyUrl(raw: string): string {
  return redactUrl(raw).replace(/\/$/, '');
}

function pick(env: NodeJS.ProcessEnv, names: string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = env[name];
    if (value) return { name, value };
  }
  return undefined;
}

function noProxyMatch(list: string, host: string, port: string): string | undefined {
  for (const raw of list.split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return raw;
    const [eHost, ePort] = entry.startsWith('[') ? [entry.replace(/\]:?.*$/, ']'), entry.split(']:')[1]] : entry.split(':');
    if (ePort && ePort !== port) continue;
    const bare = eHost.replace(/^\*?\./, '');
    if (host === bare || host.endsWith(`.${bare}`) || host === eHost) return raw;
  }
  return undefined;
}

export function resolveProxy(env: NodeJS.ProcessEnv, endpointUrl: string): ProxyDecision {
  const u = new URL(endpointUrl);
  const https = u.protocol === 'https:';
  const found = https ? pick(env, ['https_proxy', 'HTTPS_PROXY']) : pick(env, ['http_proxy', 'HTTP_PROXY']);
  if (!found) return {};
  const port = u.port || (https ? '443' : '80');
  const host = u.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const np = pick(env, ['no_proxy', 'NO_PROXY']);
  const entry = np ? noProxyMatch(np.value, host, port) : undefined;
  if (np && entry) return { bypassedBy: { variable: np.name, entry } };
  const url = /^[a-z]+:\/\//i.test(found.value) ? found.value : `http://${found.value}`;
  return { proxy: { url, display: maskProxyUrl(url), variable: found.name } };
}
