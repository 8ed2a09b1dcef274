import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CANARY } from './home.js';

/** A JWT-shaped canary (header.payload.signature, base64url) for web identity token files. */
export function canaryJwt(expSeconds = Math.floor(Date.now() / 1000) + 3600): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ iss: 'https://token.actions.githubusercontent.com', sub: 'repo:org/repo:ref:refs/heads/main', aud: 'sts.amazonaws.com', exp: expSeconds, canary: CANARY.token2 })}.CANARYsignatureCANARYsignatureCANARY`;
}

/**
 * A HOME that holds a canary secret in every place credentials can live in files: static keys,
 * a legacy token, a credential_process that prints secrets (and one that fails after printing
 * them), a web identity token file, an SSO cache entry. Returns the paths and the env to use.
 */
export function makeCanaryWorld(): { home: string; env: Record<string, string>; jwt: string; files: string[] } {
  const home = mkdtempSync(join(tmpdir(), 'credcheck-canary-'));
  const aws = join(home, '.aws');
  mkdirSync(join(aws, 'sso', 'cache'), { recursive: true });
  const jwt = canaryJwt();
  const tokenFile = join(home, 'web-identity-token');
  writeFileSync(tokenFile, jwt);
  const good = join(home, 'cred-process-ok.sh');
  writeFileSync(good, `#!/bin/sh\necho '{"Version":1,"AccessKeyId":"ASIACANARYPROCESS001","SecretAccessKey":"${CANARY.secret2}","SessionToken":"${CANARY.token2}","Expiration":"2099-01-01T00:00:00Z"}'\n`);
  chmodSync(good, 0o755);
  const bad = join(home, 'cred-process-bad.sh');
  writeFileSync(bad, `#!/bin/sh\necho '{"Version":1,"AccessKeyId":"ASIACANARYPROCESS002","SecretAccessKey":"${CANARY.secret2}"}'\necho "failed: token ${CANARY.token2}" >&2\nexit 3\n`);
  chmodSync(bad, 0o755);
  const credentials = join(aws, 'credentials');
  writeFileSync(credentials, `[default]\naws_access_key_id = ASIACANARYDEFAULT001\naws_secret_access_key = ${CANARY.secret}\naws_session_token = ${CANARY.token}\naws_security_token = ${CANARY.token2}\n\n[static]\naws_access_key_id = AKIACANARYSTATIC0001\naws_secret_access_key = ${CANARY.secret2} \n`, { mode: 0o600 });
  const config = join(aws, 'config');
  writeFileSync(config, `[default]\nregion = us-east-1\n\n[profile proc]\ncredential_process = ${good} --password ${CANARY.secret}\n\n[profile badproc]\ncredential_process = ${bad}\n\n[profile wi]\nrole_arn = arn:aws:iam::123456789012:role/ci\nweb_identity_token_file = ${tokenFile}\n\n[profile sso]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\n\n[sso-session corp]\nsso_region = us-east-1\nsso_start_url = https://example.awsapps.com/start\n`);
  const sso = join(aws, 'sso', 'cache', 'canary.json');
  writeFileSync(sso, JSON.stringify({ accessToken: CANARY.token, expiresAt: '2099-01-01T00:00:00Z', region: 'us-east-1', startUrl: 'https://example.awsapps.com/start' }));
  return {
    home,
    jwt,
    files: [credentials, config, tokenFile, good, bad, sso],
    env: { HOME: home, AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile, AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/ci' },
  };
}

/** Env-var canaries: exported keys as a CI job would have them. */
export function canaryEnvKeys(): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: 'ASIACANARYENVKEY0001',
    AWS_SECRET_ACCESS_KEY: CANARY.secret,
    AWS_SESSION_TOKEN: CANARY.token,
    AWS_CONTAINER_AUTHORIZATION_TOKEN: CANARY.token2,
    HTTPS_PROXY: `http://user:${CANARY.secret2}@127.0.0.1:9`,
  };
}
