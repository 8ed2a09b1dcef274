import { maskKeyId } from '../../kernel/mask.js';
import { registerSecret } from '../../kernel/secrets.js';
import type { ProcessEnvVar } from './facts.js';

/** Variables that change which credentials an AWS SDK or CLI picks, or how it reaches AWS. */
const RELEVANT = /^(AWS_|HOME$|USER$|LOGNAME$|USERPROFILE$|SUDO_USER$|HTTPS?_PROXY$|NO_PROXY$|https?_proxy$|no_proxy$|NODE_EXTRA_CA_CERTS$)/;
const SECRET = /SECRET|TOKEN|PASSWORD|PASSWD/i;
const NOT_SECRET = /_FILE$|TOKEN_FILE$|_PATH$/;

/** Removes the password from a proxy URL (http://user:pw@host) so it can be shown. */
export function redactUrlPassword(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) {
      registerSecret(decodeURIComponent(url.password));
      url.password = '****';
      return url.toString();
    }
  } catch {
    // Not a URL: shown as is (proxy variables hold URLs or host lists).
  }
  return value;
}

export function parseEnviron(raw: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of raw.split('\0')) {
    const eq = entry.indexOf('=');
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return env;
}

/** The relevant variables, made safe to print; secrets registered with the scrubber. */
export function relevantEnv(env: Record<string, string>): ProcessEnvVar[] {
  return Object.keys(env)
    .filter((name) => RELEVANT.test(name))
    .sort()
    .map((name) => {
      const value = env[name] ?? '';
      if (name === 'AWS_ACCESS_KEY_ID') return { name, value: maskKeyId(value) ?? '', secret: false };
      if (SECRET.test(name) && !NOT_SECRET.test(name)) {
        registerSecret(value);
        return { name, value: `(set, ${value.length} chars)`, secret: true };
      }
      if (/proxy/i.test(name)) return { name, value: redactUrlPassword(value), secret: false };
      return { name, value, secret: false };
    });
}
