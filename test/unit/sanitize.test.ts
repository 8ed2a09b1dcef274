import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { clearSecrets, registerSecret, registerSecretsIn, scrub } from '../../src/kernel/secrets.js';
import { setShowKeyIds } from '../../src/kernel/shapes.js';
import { clip, firstLineClipped, neutralizeWorkflowCommands, sanitizeOutput, setColorAllowed } from '../../src/kernel/sanitize.js';
import { redactUrl, registerUrlSecrets } from '../../src/kernel/userinfo.js';
import { maskKeyId } from '../../src/kernel/mask.js';
import { defineRule, runRules } from '../../src/kernel/rule.js';
import { registerEnvSecrets } from '../../src/sdk/secret-inputs.js';
import { findLeaks, findRawControls, findWorkflowCommands, INJECT, leakIndex } from '../helpers/attack.js';

const b64 = (n: number) => randomBytes(n).toString('base64').replace(/=+$/, '');

test('a token cut short before printing is still caught: truncation comes after scrubbing', () => {
  clearSecrets();
  const token = b64(463); // 617 characters, no known prefix: only registration can catch it
  registerSecret(token);
  const index = leakIndex({ token });
  // What issue 14 saw: a 200-character cut of "stderr: … refresh token TOKEN", leaving 166 characters of it.
  const message = `stderr: credential helper failed: refresh token ${token}`;
  assert.deepEqual(findLeaks(clip(message, 200), index), []);
  assert.deepEqual(findLeaks(firstLineClipped(`\n${message}\nmore`, 300), index), []);
  // A piece cut elsewhere (any window of 8 or more characters) is caught on its own.
  for (const [from, to] of [[0, 166], [100, 266], [600, 617], [300, 308]] as const) {
    assert.deepEqual(findLeaks(scrub(`x ${token.slice(from, to)} y`), index), [], `slice ${from}..${to}`);
  }
});

test('base64 of user:password is caught at every alignment, as a Proxy-Authorization echo would carry it', () => {
  clearSecrets();
  const password = `Pr0xy/Pa55%w0rd-${b64(6)}`;
  registerUrlSecrets(`alice:${password}@proxy:3128`);
  const index = leakIndex({ password });
  for (const user of ['alice', 'bob', 'dave', 'x', 'xy']) {
    const header = Buffer.from(`${user}:${password}`).toString('base64');
    // Not after "Proxy-Authorization:" (a shape that is redacted anyway): in a body, bare.
    assert.deepEqual(findLeaks(scrub(`echo ${header} end`), index), [], `user ${user}`);
    assert.deepEqual(findLeaks(scrub(`echo ${Buffer.from(`${user}:${password}`).toString('base64url')} end`), index), [], `user ${user} (base64url)`);
  }
});

test('a quoted token leaks in no escaping: JSON, double JSON, XML, URL', () => {
  clearSecrets();
  const token = `${b64(300)}"<&>'\\`;
  registerSecret(token);
  const index = leakIndex({ token: token.slice(0, 300) });
  const quoted = `aws_session_token = "${token}"`;
  for (const text of [quoted, JSON.stringify(quoted), JSON.stringify(JSON.stringify(quoted)), quoted.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;'), encodeURIComponent(quoted)]) {
    assert.deepEqual(findLeaks(scrub(text), index), [], text.slice(0, 40));
  }
});

test('JSON stays valid whatever is redacted inside it', () => {
  clearSecrets();
  const token = `${b64(60)}"\\\u001b`;
  registerSecret(token);
  const doc = JSON.stringify({ message: `x-amz-security-token: ${token}". Quoted: aws_session_token = "${token}"`, [`key ${token}`]: [token, 1, null] }, null, 2);
  const out = sanitizeOutput(`${doc}\n`, 'json');
  const parsed = JSON.parse(out) as Record<string, unknown>;
  assert.match(String(parsed.message), /\[REDACTED\]/);
  assert.ok(out.startsWith('{\n  "'), 'indentation kept');
  assert.deepEqual(findLeaks(out, leakIndex({ token: token.slice(0, 60) })), []);
});

test('secret-shaped values are redacted unregistered; key ids are masked unless --show-key-ids', () => {
  clearSecrets();
  const jwt = `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify({ sub: 'x', exp: 1 })).toString('base64url')}.${randomBytes(40).toString('base64url')}`;
  const sessionToken = `IQoJb3JpZ2luX2VjE${b64(500)}`;
  const secretKey = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
  const text = `jwt ${jwt} token ${sessionToken.slice(0, 300)} key ${secretKey} Bearer ${b64(30)} Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=${'ab'.repeat(32)}`;
  const out = scrub(text);
  assert.deepEqual(findLeaks(out, leakIndex({ jwt, sessionToken, secretKey })), []);
  assert.doesNotMatch(out, /AKIAIOSFODNN7EXAMPLE/);
  assert.equal(scrub('key AKIAIOSFODNN7EXAMPLE'), 'key AKIA…MPLE');
  setShowKeyIds(true);
  assert.equal(scrub('key AKIAIOSFODNN7EXAMPLE'), 'key AKIAIOSFODNN7EXAMPLE');
  setShowKeyIds(false);
});

test('what is not a secret is left alone: ARNs, paths, cache file names, dates, hosts, prose', () => {
  clearSecrets();
  registerSecretsIn('could not reach sts.us-east-1.amazonaws.com from /usr/local/bin/helper-2 at 2026-01-01T00:00:00Z');
  for (const text of [
    'arn:aws:sts::123456789012:assumed-role/Admin/alice@example.com',
    '/home/u/.aws/sso/cache/0123456789abcdef0123456789abcdef01234567.json',
    'expires 2026-12-02T16:00:00.000Z (in 59m59s)',
    'IMDSv2 token: acquired in 3 ms; token file: /var/run/secrets/eks.amazonaws.com/serviceaccount/token',
    'STS at https://sts.us-east-1.amazonaws.com answered 403',
    'could not reach sts.us-east-1.amazonaws.com from /usr/local/bin/helper-2',
    'x-aws-ec2-metadata-token: $TOKEN',
    'key ASIA…WXYZ from environment variables',
  ]) {
    assert.equal(scrub(text), text);
  }
});

test('URL userinfo is redacted in every form: scheme-less, / and % in the password, @ in it', () => {
  clearSecrets();
  const pw = 'p/ss%w0rd@x';
  assert.equal(redactUrl(`http://alice:${pw}@proxy.local:3128`), 'http://alice:****@proxy.local:3128');
  assert.equal(redactUrl(`alice:${pw}@proxy:8080`), 'alice:****@proxy:8080');
  assert.equal(redactUrl(`socks5h://bob:${encodeURIComponent(pw)}@[::1]:1080/`), 'socks5h://bob:****@[::1]:1080/');
  assert.equal(redactUrl('http://proxy:3128'), 'http://proxy:3128');
  // And anywhere in free text, registered or not.
  clearSecrets();
  for (const text of [`via http://alice:${pw}@proxy.local:3128 failed`, `via alice:${pw}@proxy:8080 failed`, `-x http://u:${pw}@h`]) {
    assert.doesNotMatch(scrub(text), /p\/ss/, text);
  }
});

test('secrets arrive registered from the environment: proxy passwords, tokens, a secret pasted as the key id', () => {
  clearSecrets();
  const pw = `Pr0xy/Pa55%w0rd-${b64(6)}`;
  const pasted = b64(30);
  const ghToken = `ghs_${b64(27)}`;
  registerEnvSecrets({ http_proxy: `alice:${pw}@proxy:3128`, AWS_ACCESS_KEY_ID: pasted, GITHUB_TOKEN: ghToken, AWS_SHARED_CREDENTIALS_FILE: '/home/u/.aws/credentials', SSH_AUTH_SOCK: '/tmp/ssh-XXXX/agent.1' });
  const index = leakIndex({ pw, pasted, ghToken });
  assert.deepEqual(findLeaks(scrub(`pw=${pw.slice(2)} id ${pasted.slice(3, 20)} gh ${ghToken}`), index), []);
  assert.equal(scrub('/home/u/.aws/credentials /tmp/ssh-XXXX/agent.1'), '/home/u/.aws/credentials /tmp/ssh-XXXX/agent.1');
  assert.equal(maskKeyId(pasted), '…', 'four characters at each end of a pasted secret would be eight of it');
  assert.equal(maskKeyId('ASIAIOSFODNN7EXAMPLE'), 'ASIA…MPLE');
});

test('text: control characters become visible; only credcheck\'s own colour codes pass, and only with colour on', () => {
  clearSecrets();
  setColorAllowed(false);
  const plain = sanitizeOutput(`name ${INJECT}\n`, 'text');
  assert.deepEqual(findRawControls(plain), []);
  assert.match(plain, /\\x1b\]0;PWNED\\x07/);
  setColorAllowed(true);
  const colour = sanitizeOutput(`\x1b[31m✗\x1b[39m \x1b[1mCC1001\x1b[22m ${INJECT}`, 'text');
  assert.ok(colour.startsWith('\x1b[31m✗\x1b[39m \x1b[1mCC1001\x1b[22m '), 'own SGR codes kept');
  assert.deepEqual(findRawControls(colour.replace(/\x1b\[(?:[0-4]|2[234]|3[0-7]|39|4[0-7]|49|9[0-7])m/g, '')), [], 'nothing else raw');
  assert.doesNotMatch(colour, /\x1b\]|\x1b\[2J|\x1b\[8m/);
  setColorAllowed(false);
});

test('no line can start a workflow command, except the annotations credcheck writes on purpose', () => {
  const hostile = `ok\n::warning::a\r::error title=x::b\n   ::notice::c\n##[error]d\n\u00a0::set-output name=x::y\n`;
  for (const format of ['text', 'markdown', 'xml'] as const) assert.deepEqual(findWorkflowCommands(sanitizeOutput(hostile, format), false), [], format);
  assert.deepEqual(findWorkflowCommands(neutralizeWorkflowCommands(hostile), false), []);
  const annotations = `::error title=CC8003 TTL too short::expires in 5m%0AFix: x\n::warning title=CC8006 Long-term keys::AKIA key\n${hostile}`;
  const out = sanitizeOutput(annotations, 'github-commands');
  assert.deepEqual(findWorkflowCommands(out, true), []);
  assert.equal(out.split('\n').filter((l) => l.startsWith('::')).length, 2, 'the two real annotations survive');
});

test('JSON: control characters inside values are shown visibly, so `jq -r` cannot print an escape raw', () => {
  clearSecrets();
  const doc = JSON.stringify({ profile: `gh\x1b[2Jost\x07`, note: 'line one\nline two' });
  const out = JSON.parse(sanitizeOutput(`${doc}\n`, 'json'));
  assert.equal(out.profile, 'gh\\x1b[2Jost\\x07');
  assert.equal(out.note, 'line one\nline two', 'a newline inside a JSON value is data, not a forged line');
  assert.deepEqual(findRawControls(out.profile), []);
});

test('a finding stays one line: a newline from outside data cannot start a line that reads like credcheck\'s', () => {
  const rule = defineRule({
    code: 'CC1034',
    severity: 'error',
    title: 'x',
    priority: 1,
    reads: [],
    check: () => [{ message: 'profile "a\n\n✓ No problems found." missing', fix: 'add [a\r\n✓ ok]', profile: 'a\n✓ ok' }],
  });
  const [finding] = runRules([rule], { io: { refusals: [], unparsed: [] } } as never);
  assert.equal(finding!.message, 'profile "a\\x0a\\x0a✓ No problems found." missing');
  assert.equal(finding!.fix, 'add [a\\x0d\\x0a✓ ok]');
  assert.equal(finding!.profile, 'a\\x0a✓ ok');
});
