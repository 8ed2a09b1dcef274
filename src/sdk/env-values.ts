import { displayUrlText, noteUnparsed, safeHttpUrl, safeIso } from '../kernel/untrusted.js';

/**
 * Environment values the SDK parses with `new Date()` or `new URL()`, checked once at start-up
 * (cli.ts): one it cannot understand becomes a CC6104 finding in every command, instead of an
 * Invalid Date that never expires, an "Invalid URL" crash, or nothing at all.
 */
const TIMES: Record<string, string> = {
  AWS_CREDENTIAL_EXPIRATION: 'fromEnv turns it into an Invalid Date: the SDK never treats these credentials as expiring (never refreshes them), and credcheck cannot say when they expire.',
  AWS_SESSION_EXPIRATION: 'credcheck cannot say when the exported session expires.',
};

const URLS = ['AWS_ENDPOINT_URL_STS', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_SSO', 'AWS_ENDPOINT_URL_SSO_OIDC', 'AWS_EC2_METADATA_SERVICE_ENDPOINT'];

export function checkEnvValues(env: NodeJS.ProcessEnv): void {
  for (const [name, effect] of Object.entries(TIMES)) {
    const raw = env[name];
    if (raw === undefined || raw === '' || safeIso(raw.trim())) continue;
    noteUnparsed({ what: name, value: raw, why: 'not an ISO 8601 time', effect, fix: `Set ${name} to an ISO 8601 time such as 2030-01-01T00:00:00Z (what STS returned as Expiration), or unset it.` });
  }
  for (const name of URLS) {
    const raw = env[name];
    if (raw === undefined || raw === '' || safeHttpUrl(raw)) continue;
    noteUnparsed({
      what: name,
      value: displayUrlText(raw),
      why: 'not an http:// or https:// URL',
      effect: `Every request to that endpoint fails with "Invalid URL" in the SDK, so nothing that needs it could be checked.`,
      fix: `Set ${name} to a full URL such as https://sts.us-east-1.amazonaws.com (scheme and host), or unset it.`,
    });
  }
}
