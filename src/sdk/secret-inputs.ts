import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { locateFile, resolveHome } from '../areas/files/locate.js';
import { readSafely } from '../areas/files/read.js';
import { registerSecret, registerSecretsIn } from '../kernel/secrets.js';
import { registerUrlSecrets } from '../kernel/userinfo.js';

/**
 * Secrets the SDK (or a CI runner) hands credcheck without credcheck asking: registered before
 * any command runs, so an endpoint that echoes one back (an STS error quoting the web identity
 * JWT, an SSO portal quoting its bearer token, a proxy's 407 quoting Proxy-Authorization) cannot
 * make it print. Files are read with the bounded reader (FIFOs and devices refused, size capped).
 */

/** Variables whose value is a credential (GITHUB_TOKEN, ACTIONS_ID_TOKEN_REQUEST_TOKEN, AWS_BEARER_TOKEN_BEDROCK, …). */
const SECRET_NAME = /SECRET|TOKEN|PASSWORD|PASSWD|CREDENTIAL|API_?KEY|AUTH/i;
/** …unless they name where the credential is, not what it is. */
const LOCATOR_NAME = /_FILE$|_PATH$|_DIR$|_URI$|_URL$|_EXPIRATION$|_ENDPOINT$|_SOURCE$|_PROCESS$/i;
/** Variables that may carry a URL with a password in it. */
const URL_NAME = /proxy$|_URI$|_URL|ENDPOINT/i;

/** The SDK's token files, read by fromTokenFile / fromContainerMetadata / fromHttp. */
const TOKEN_FILE_VARS = ['AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE'];

/** Where `aws sso login` and `aws login` keep their tokens: the SDK reads them for sso/login profiles. */
const TOKEN_CACHE_DIRS = [join('.aws', 'sso', 'cache'), join('.aws', 'login', 'cache')];
const MAX_CACHE_FILES = 200;
const MAX_TOKEN_FILE_BYTES = 64 * 1024;

export function registerEnvSecrets(env: NodeJS.ProcessEnv): void {
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    if (URL_NAME.test(name)) registerUrlSecrets(value);
    // A value that is a path (SSH_AUTH_SOCK, XAUTHORITY) says where a secret is, not what it is.
    if (SECRET_NAME.test(name) && !LOCATOR_NAME.test(name) && !/^[/~]/.test(value)) registerSecret(value);
  }
  // A secret pasted into the key id variable: a key id is upper-case letters and digits.
  const id = env.AWS_ACCESS_KEY_ID?.trim();
  if (id && !/^[A-Z0-9]{16,128}$/.test(id)) registerSecret(id);
}

/** Registers every string value in a token cache entry (accessToken, refreshToken, clientSecret, …). */
function registerJsonSecrets(text: string): void {
  try {
    const walk = (v: unknown, key = ''): void => {
      if (typeof v === 'string') {
        if (/token|secret|password|key|assertion|code/i.test(key)) registerSecret(v);
      } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    walk(JSON.parse(text));
  } catch {
    registerSecretsIn(text);
  }
}

export async function registerFileSecrets(env: NodeJS.ProcessEnv): Promise<void> {
  const reads: Array<Promise<void>> = [];
  for (const name of TOKEN_FILE_VARS) {
    const path = env[name];
    if (!path) continue;
    reads.push(
      readSafely(path, MAX_TOKEN_FILE_BYTES).then((r) => {
        if (r.status === 'ok' && r.text) {
          registerSecret(r.text);
          registerSecretsIn(r.text);
        }
      }),
    );
  }
  // Token files named in the config file: fromIni reads them for web identity profiles.
  const config = await readSafely(locateFile('config', env).path);
  if (config.status === 'ok' && config.text) {
    const paths = [...config.text.matchAll(/^\s*web_identity_token_file\s*=\s*(.+?)\s*$/gim)].map((m) => m[1]!).slice(0, 20);
    for (const path of paths) {
      reads.push(
        readSafely(path, MAX_TOKEN_FILE_BYTES).then((r) => {
          if (r.status === 'ok' && r.text) registerSecret(r.text);
        }),
      );
    }
  }
  const home = resolveHome(env).dir;
  for (const dir of TOKEN_CACHE_DIRS.map((d) => join(home, d))) {
    reads.push(
      readdir(dir)
        .then(async (names) => {
          const files = names.filter((n) => n.endsWith('.json')).slice(0, MAX_CACHE_FILES);
          await Promise.all(
            files.map(async (n) => {
              const r = await readSafely(join(dir, n), MAX_TOKEN_FILE_BYTES);
              if (r.status === 'ok' && r.text) registerJsonSecrets(r.text);
            }),
          );
        })
        .catch(() => undefined),
    );
  }
  await Promise.all(reads);
}
