import { maskKeyId } from '../../kernel/mask.js';
import { registerSecret } from '../../kernel/secrets.js';
import { redactUrl } from '../../kernel/userinfo.js';
import type { ProcessEnvVar } from './facts.js';

/** Variables that change which credentials an AWS SDK or CLI picks, or how it reaches AWS. */
const RELEVANT = /^(AWS_|HOME$|USER$|LOGNAME$|USERPROFILE$|SUDO_USER$|HTTPS?_PROXY$|NO_PROXY$|https?_proxy$|no_proxy$|NODE_EXTRA_CA_CERTS$)/;
const SECRET = /SECRET|TOKEN|PASSWORD|PASSWD/i;
const NOT_SECRET = /_FILE$|TOKEN_FILE$|_PATH$/;

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
      if (name === 'AWS_ACCESS_KEY_ID') {
        if (!/^[A-Z0-9]{16,128}$/.test(value.trim())) registerSecret(value); // a secret pasted into the wrong variable
        return { name, value: maskKeyId(value) ?? '', secret: false };
      }
      if (SECRET.test(name) && !NOT_SECRET.test(name)) {
        registerSecret(value);
        return { name, value: `(set, ${value.length} chars)`, secret: true };
      }
      if (/proxy|_URI$|_URL$|ENDPOINT/i.test(name)) return { name, value: redactUrl(value), secret: false };
      return { name, value, secret: false };
    });
}
