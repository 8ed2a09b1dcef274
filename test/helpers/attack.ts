import { randomBytes } from 'node:crypto';

/**
 * Canaries of realistic length and shape, and the detectors the attack suites share. Real STS
 * session tokens are 400–1,000+ characters and SSO access tokens about as long: a 40-character
 * canary cannot show that a message cut at 200 characters leaks 166 of them.
 */
function b64(n: number): string {
  return randomBytes(n).toString('base64').replace(/=+$/, '');
}

function upper(n: number): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return [...randomBytes(n)].map((b) => chars[b % 32]).join('');
}

export interface Canaries {
  secretKey: string;
  sessionToken: string;
  secretKey2: string;
  sessionToken2: string;
  ssoAccessToken: string;
  ssoRefreshToken: string;
  containerToken: string;
  processSecret: string;
  processToken: string;
  refreshToken: string;
  proxyPassword: string;
  headerSecret: string;
  keyIdSecret: string;
  argvSecret: string;
  jwt: string;
}

/** A JWT of realistic size (GitHub's OIDC tokens are ~1,000 characters) whose claims may carry hostile text. */
export function realisticJwt(claims: Record<string, unknown> = {}): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const payload = {
    iss: 'https://token.actions.githubusercontent.com',
    sub: 'repo:org/repo:ref:refs/heads/main',
    aud: 'sts.amazonaws.com',
    exp: Math.floor(Date.now() / 1000) + 3600,
    iat: Math.floor(Date.now() / 1000) - 10,
    jti: b64(24),
    run_id: String(Date.now()),
    sha: randomBytes(20).toString('hex'),
    ...claims,
  };
  return `${part({ alg: 'RS256', typ: 'JWT', kid: b64(30) })}.${part(payload)}.${randomBytes(256).toString('base64url')}`;
}

export function makeCanaries(jwtClaims: Record<string, unknown> = {}): Canaries {
  return {
    secretKey: b64(30),
    sessionToken: `IQoJb3JpZ2luX2VjE${b64(600)}`,
    secretKey2: b64(30),
    // No known prefix: only registration (not shape) can catch this one when it is cut short.
    sessionToken2: b64(463),
    ssoAccessToken: `aoaAAAAAG${b64(700)}`,
    ssoRefreshToken: `aorAAAAAG${b64(500)}`,
    containerToken: b64(96),
    processSecret: b64(30),
    processToken: b64(700),
    refreshToken: `rt-${b64(300)}`,
    // `/` and a `%` that is no valid escape: both broke URL-based redaction.
    proxyPassword: `Pr0xy/Pa55%w0rd-${b64(9).replace(/[+/]/g, 'x')}`,
    headerSecret: b64(30),
    keyIdSecret: b64(30),
    argvSecret: `argv${b64(24).replace(/[+/]/g, 'x')}`,
    jwt: realisticJwt(jwtClaims),
  };
}

export function randomKeyId(prefix: 'ASIA' | 'AKIA' = 'ASIA'): string {
  return `${prefix}${upper(16)}`;
}

/** Every form a secret can leak in: raw, URL-encoded, JSON-escaped, base64 (std and url) at each byte alignment. */
function leakForms(secret: string): string[] {
  const forms = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
  for (let k = 0; k < 3; k++) {
    const bytes = Buffer.from(secret).subarray(k);
    const whole = bytes.subarray(0, Math.floor(bytes.length / 3) * 3);
    forms.push(whole.toString('base64'), whole.toString('base64url'));
  }
  return forms;
}

/** The window that counts as a leak: any 8 consecutive characters of a secret, in any of its forms. */
export const LEAK_WINDOW = 8;

export interface LeakIndex {
  windows: Map<string, string>;
}

export function leakIndex(secrets: Record<string, string>): LeakIndex {
  const windows = new Map<string, string>();
  for (const [name, secret] of Object.entries(secrets)) {
    for (const form of leakForms(secret)) for (let i = 0; i + LEAK_WINDOW <= form.length; i++) windows.set(form.slice(i, i + LEAK_WINDOW), name);
  }
  return { windows };
}

/** Names of the canaries of which some window appears in `text`, with a little context for the failure message. */
export function findLeaks(text: string, index: LeakIndex): string[] {
  const found = new Map<string, string>();
  for (let i = 0; i + LEAK_WINDOW <= text.length; i++) {
    const name = index.windows.get(text.slice(i, i + LEAK_WINDOW));
    if (name && !found.has(name)) found.set(name, JSON.stringify(text.slice(Math.max(0, i - 40), i + 48)));
  }
  return [...found].map(([name, ctx]) => `${name} at ${ctx}`);
}

/** Characters a terminal acts on. Tab and newline are layout; everything else here must never be printed raw. */
// eslint-disable-next-line no-control-regex
export const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

export function findRawControls(text: string): string[] {
  const out: string[] = [];
  // eslint-disable-next-line no-control-regex
  const re = new RegExp(RAW_CONTROL.source, 'g');
  for (const m of text.matchAll(re)) {
    out.push(`U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${JSON.stringify(text.slice(Math.max(0, m.index! - 30), m.index! + 30))}`);
    if (out.length > 3) break;
  }
  return out;
}

/**
 * Lines a GitHub runner would execute: it splits on CR and LF and trims each line. The only lines
 * allowed to start `::` are credcheck's own annotations (`::error title=CC…::…`), and only where
 * annotations are expected.
 */
export function findWorkflowCommands(text: string, annotationsAllowed: boolean): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.startsWith('::') || line.startsWith('##['))
    .filter((line) => !(annotationsAllowed && /^::(error|warning|notice) title=CC\d{4} [^:]*::[^\r\n]*$/.test(line)));
}

/**
 * Hostile text from outside: an OSC title change, a screen clear, hidden text, a carriage return
 * that overwrites the line, Unicode line separators and a bidi override, an 8-bit CSI, and
 * newlines that try to start GitHub workflow commands (both syntaxes, with leading blanks).
 */
export const INJECT = '\x1b]0;PWNED\x07\x1b[2J\x1b[8m\rOVERWRITE\u2028\u2029\u202eRTL\u009b1m\x08\n::warning::INJECTED-A\r::error title=x::INJECTED-B\n##[error]INJECTED-C\n  ::notice::INJECTED-D';
/** For places that cannot hold a line break (an INI section header, a file name's single line). */
export const INJECT_LINE = '\x1b]0;PWNED\x07\x1b[2J\u2028\u202eRTL\u009b1m\x08::warning::INJECTED-E';
