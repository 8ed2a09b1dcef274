import { registerSecret } from './secrets.js';

/**
 * Passwords in URL-ish values (proxy variables, container credential URIs, endpoint overrides), in
 * every form they are written: `scheme://user:pw@host`, a password holding `/`, `@` or `%xx`, and
 * the scheme-less `user:pw@host:port` curl and botocore accept. `new URL()` rejects or misreads
 * several of these, so the split is done by hand: the userinfo ends at the LAST `@` that is
 * followed by a plausible host.
 */
interface Split {
  scheme: string;
  user: string;
  password?: string;
  rest: string;
}

function split(value: string): Split | undefined {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)?([\s\S]*)$/.exec(value.trim());
  if (!m) return undefined;
  const scheme = m[1] ?? '';
  const body = m[2] ?? '';
  for (let at = body.lastIndexOf('@'); at > 0; at = body.lastIndexOf('@', at - 1)) {
    const after = body.slice(at + 1);
    if (!/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)(:\d{0,5})?([/?#]|$)/.test(after)) continue;
    const userinfo = body.slice(0, at);
    const colon = userinfo.indexOf(':');
    if (colon === -1) return { scheme, user: userinfo, rest: after };
    return { scheme, user: userinfo.slice(0, colon), password: userinfo.slice(colon + 1), rest: after };
  }
  return undefined;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Registers the password (raw and %-decoded) and `user:password`, whose base64 is a Basic/Proxy-Authorization header. */
export function registerUrlSecrets(value: string | undefined): void {
  if (!value) return;
  const s = split(value);
  if (!s) return;
  if (s.password === undefined) {
    registerSecret(s.user); // a lone userinfo is a token for some proxies
    return;
  }
  for (const pw of [s.password, decoded(s.password)]) registerSecret(pw);
  registerSecret(`${s.user}:${s.password}`);
  registerSecret(`${decoded(s.user)}:${decoded(s.password)}`);
}

/** The value for display: password replaced by ****, the rest (scheme, user, host, port, path) kept as evidence. */
export function redactUrl(value: string): string {
  registerUrlSecrets(value);
  const s = split(value);
  if (!s || s.password === undefined) return s && s.user.length >= 8 ? `${s.scheme}****@${s.rest}` : value;
  return `${s.scheme}${s.user}:****@${s.rest}`;
}

/** The value with its userinfo removed altogether (user name too), for displays that only need the address. */
export function stripUserinfo(value: string): string {
  registerUrlSecrets(value);
  const s = split(value);
  return s ? `${s.scheme}${s.rest}` : value;
}
