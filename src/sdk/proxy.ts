import { redactUrl, stripUserinfo } from '../kernel/userinfo.js';

/**
 * The one home of proxy variables. Names and precedence: the scheme's own variable, lower case
 * first (curl; Python's urllib, so botocore), then upper case; no_proxy before NO_PROXY likewise.
 */
const VARIABLES = {
  https: ['https_proxy', 'HTTPS_PROXY'],
  http: ['http_proxy', 'HTTP_PROXY'],
  none: ['no_proxy', 'NO_PROXY'],
} as const;

/**
 * STS: proxy selection from the environment, the way curl and the AWS CLI read it: the scheme's own
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

function pick(env: NodeJS.ProcessEnv, names: readonly string[]): { name: string; value: string } | undefined {
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
  const found = pick(env, https ? VARIABLES.https : VARIABLES.http);
  if (!found) return {};
  const port = u.port || (https ? '443' : '80');
  const host = u.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const np = pick(env, VARIABLES.none);
  const entry = np ? noProxyMatch(np.value, host, port) : undefined;
  if (np && entry) return { bypassedBy: { variable: np.name, entry } };
  const url = /^[a-z]+:\/\//i.test(found.value) ? found.value : `http://${found.value}`;
  return { proxy: { url, display: maskProxyUrl(url), variable: found.name } };
}

/** Would metadata requests (plain http://) go through a proxy, and for which tools. */
export interface ProxyFacts {
  variable: string;
  /** The proxy URL without user:password. */
  proxy: string;
  noProxy?: string;
  bypassed: boolean;
  /** Tools that would route 169.254.169.254 through the proxy. */
  tools: string[];
}

/**
 * IMDS: botocore (AWS CLI v1/v2, boto3) builds its IMDS session with the environment's proxies;
 * curl reads only lowercase http_proxy for http:// URLs. The JavaScript SDK v3 uses bare node:http
 * and ignores proxy variables.
 */
export function imdsProxyFacts(env: NodeJS.ProcessEnv, host = '169.254.169.254'): ProxyFacts | undefined {
  const found = pick(env, VARIABLES.http);
  if (!found) return undefined;
  const { name: variable, value } = found;
  const proxy = stripUserinfo(value).replace(/\/$/, '');
  const noProxy = pick(env, VARIABLES.none)?.value;
  const entries = (noProxy ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  // Only a literal entry works everywhere: CIDR ranges and suffixes are not understood by every client.
  const bypassed = entries.includes('*') || entries.includes(host);
  const tools: string[] = [];
  if (!bypassed) {
    tools.push(`AWS CLI / botocore / boto3 (${variable})`);
    if (variable === 'http_proxy') tools.push('curl (http_proxy)');
  }
  return { variable, proxy, ...(noProxy !== undefined ? { noProxy } : {}), bypassed, tools };
}
