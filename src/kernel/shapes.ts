/**
 * Values that look like secrets are redacted wherever they appear, registered or not: a server can
 * echo a token credcheck never saw (an SSO portal's bearer, a proxy's Proxy-Authorization), and a
 * message can quote a key credcheck never read. Each shape is one regular expression with a reason.
 * Key ids are not secret but are masked (ASIA…WXYZ) unless --show-key-ids.
 */
const R = '[REDACTED]';

let showKeyIds = false;

/** Set once from the command line (--show-key-ids) before anything is printed. */
export function setShowKeyIds(show: boolean): void {
  showKeyIds = show;
}

/** Header or field names whose value is a credential, as they appear in HTTP echoes, env dumps and JSON. */
const CREDENTIAL_NAMES =
  'proxy-authorization|authorization|x-amz-security-token|x-aws-ec2-metadata-token|x-amz-signature|cookie|set-cookie|' +
  'aws_secret_access_key|aws_session_token|aws_security_token|aws_container_authorization_token|aws_web_identity_token|' +
  'secretaccesskey|sessiontoken|accesstoken|refreshtoken|clientsecret|id_token|access_token|refresh_token|client_secret';
/** Names common in prose too ("token: acquired"): their value must look like a credential, not a word. */
const GENERIC_NAMES = 'password|passwd|pwd|token|secret|apikey|api_key';

/** `Name: value` (HTTP header style): the value runs to the end of the line or of the quoted string. */
const HEADER = new RegExp(`((?:^|[^A-Za-z0-9_-])(?:${CREDENTIAL_NAMES}))(\\s*:\\s*)(?=[^\\r\\n"'<>\\\\]*[A-Za-z0-9+/=._~-]{8})([^\\r\\n"'<>\\\\]{1,4096})`, 'gi');
/** `name=value`, `"name": "value"`: the value is one token. */
const FIELD = new RegExp(`((?:^|[^A-Za-z0-9_-])(${CREDENTIAL_NAMES}|${GENERIC_NAMES})["']?)(\\s*[=:]\\s*["']?)([^\\s"'<>&,;}\\]\\\\]{8,})`, 'gi');
const GENERIC = new RegExp(`^(?:${GENERIC_NAMES})$`, 'i');

/** `Bearer <token>`, `Basic <base64>`: the scheme names what follows as a credential. */
const AUTH_SCHEME = /\b(Bearer|Basic|Digest|Negotiate|AWS4-HMAC-SHA256)(\s+)((?=[A-Za-z0-9+/=._~-]*[0-9+/=._~-])[A-Za-z0-9+/=._~-]{8,}|Credential=[^\r\n"'<>]*)/g;

/** A JWT (header.payload[.signature]) or a lone base64url JSON object (eyJ… is `{"`). */
const JWT = /eyJ[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*){0,2}/g;

/** STS session tokens begin with the base64 of a small protobuf header: IQoJb3JpZ2luX2Vj…, FwoGZXIvYXdzE…, AQoDYXdzE… */
const SESSION_TOKEN_PREFIX = /(?:IQoJb3JpZ2lu|FwoGZXIvYXdz|AQoDYXdz)[A-Za-z0-9+/=]*/g;

/** Long base64 runs: session tokens are 400–1,000+ characters; anything this long and this shaped is a token. */
const LONG_BASE64 = /(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/_-]{80,}={0,2}(?![A-Za-z0-9+/=_-])/g;

/** An AWS secret access key: exactly 40 base64 characters with upper and lower case letters and a digit. */
const SECRET_KEY = /(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=])/g;

/** Access key ids: AKIA (long-term), ASIA (temporary). */
const KEY_ID = /(?<![A-Za-z0-9])(AKIA|ASIA)([A-Z0-9]{16})(?![A-Za-z0-9])/g;

/**
 * URL userinfo, in every form a proxy variable takes: `scheme://user:pw@host`, a password holding
 * `/`, `@` or `%xx`, and the scheme-less `user:pw@host:port` that curl and botocore accept.
 */
const URL_USERINFO = /\b([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^\s/?#@"'<>]*)(:[^\s"'<>]*)?@(?=[A-Za-z0-9[\]._-]+(?:[:/?#\s"'<>]|$))/g;
const BARE_USERINFO = /(?<![A-Za-z0-9+.:/@-])([A-Za-z0-9._~%!$&*+=-]+):(?!\/\/)([^\s"'<>]+)@(?=[A-Za-z0-9[\]._-]+:\d{1,5}\b)/g;

function hasMixedClasses(s: string): boolean {
  return /[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s);
}

function looksLikeToken(run: string): boolean {
  if (!hasMixedClasses(run)) return false;
  // A path or an ARN of this length has many separators; a token has few.
  const slashes = (run.match(/\//g) ?? []).length;
  return slashes <= run.length / 25;
}

export function maskId(prefix: string, rest: string): string {
  return showKeyIds ? prefix + rest : `${prefix}…${rest.slice(-4)}`;
}

export function redactShapes(text: string): string {
  return text
    .replace(URL_USERINFO, (_m, scheme: string, user: string, pw: string | undefined) => `${scheme}${user}${pw ? `:${R}` : ''}@`)
    .replace(BARE_USERINFO, (_m, user: string) => `${user}:${R}@`)
    .replace(AUTH_SCHEME, (_m, scheme: string, space: string) => `${scheme}${space}${R}`)
    .replace(HEADER, (_m, name: string, sep: string) => `${name}${sep}${R}`)
    .replace(FIELD, (m, name: string, bare: string, sep: string, value: string) => {
      if (value.startsWith('[') || value.startsWith('$')) return m;
      if (GENERIC.test(bare) && !hasMixedClasses(value) && !/[+/=%_]/.test(value)) return m; // a word, not a credential
      return `${name}${sep}${R}`;
    })
    .replace(JWT, (m) => (m.length >= 16 ? R : m))
    .replace(SESSION_TOKEN_PREFIX, (m) => (m.length >= 16 ? R : m))
    .replace(LONG_BASE64, (m) => (looksLikeToken(m) ? R : m))
    .replace(SECRET_KEY, (m) => (hasMixedClasses(m) ? R : m))
    .replace(KEY_ID, (_m, prefix: string, rest: string) => maskId(prefix, rest));
}
