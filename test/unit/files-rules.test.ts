import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { probeFiles } from '../../src/areas/files/probe.js';
import { runProbe } from '../../src/kernel/probe.js';
import { runRules } from '../../src/kernel/rule.js';
import type { Finding } from '../../src/kernel/finding.js';
import type { FileFacts } from '../../src/areas/files/facts.js';
import { RULES } from '../../src/rules.js';
import { editDistance, likelyKey } from '../../src/areas/files/keys.js';

const S = 'CANARYsecretKEY0000000000000000000000001';
const T = 'CANARYsessionTOKEN00000000000000000000000000000002';
const KEYS = `aws_access_key_id = AKIAABCDEFGHIJKLMNOP\naws_secret_access_key = ${S}\n`;
const NOW = '2026-01-01T00:00:00.000Z';

async function probe(credentials: string, config = '', profile?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'cc-files-rules-'));
  writeFileSync(join(dir, 'credentials'), credentials);
  writeFileSync(join(dir, 'config'), config);
  chmodSync(join(dir, 'credentials'), 0o600);
  const env = { HOME: dir, PATH: process.env.PATH ?? '/usr/bin:/bin', AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_CONFIG_FILE: join(dir, 'config') };
  return { dir, files: await runProbe('files', 5000, () => probeFiles({ env, ...(profile ? { profile } : {}) })) };
}

async function findings(credentials: string, config = '', profile?: string): Promise<Finding[]> {
  const { files } = await probe(credentials, config, profile);
  return runRules(RULES, { now: NOW, files });
}

interface Case {
  code: string;
  name: string;
  credentials?: string;
  config?: string;
  profile?: string;
  /** Line of the expected finding; null = expected without a line; undefined = must NOT fire. */
  line?: number | null;
  severity?: string;
}

const CASES: Case[] = [
  { code: 'CC1003', name: 'two spaces after profile', config: '[profile  dev]\nregion=x\n', line: 1 },
  { code: 'CC1003', name: 'a single tab after profile is accepted by the SDK (\\s)', config: '[profile\tdev]\nregion=x\n' },
  { code: 'CC1003', name: 'space and tab after profile', config: '[profile \tdev]\nregion=x\n', line: 1 },
  { code: 'CC1003', name: 'unknown prefix', config: '[default]\nregion=x\n[profiles dev]\nregion=x\n', line: 3 },
  { code: 'CC1003', name: 'name with "!"', config: '[profile dev!]\nregion=x\n', line: 1 },
  { code: 'CC1003', name: 'two words in the credentials file', credentials: `[my dev]\n${KEYS}`, line: 1 },
  { code: 'CC1003', name: 'quoted __proto__ in config', config: '[profile "__proto__"]\nregion=x\n', line: 1 },
  { code: 'CC1003', name: 'valid [profile "dev"] and [sso-session corp] pass', config: '[profile "dev"]\nregion=x\n[sso-session corp]\nsso_region=x\n' },
  { code: 'CC1004', name: '[default] and [profile default]', config: '[default]\nregion=x\n[profile default]\noutput=json\n', line: 1 },
  { code: 'CC1004', name: 'only [profile default]', config: '[profile default]\nregion=x\n' },
  { code: 'CC1004', name: 'header-only [profile default] does not replace', config: '[default]\nregion=x\n[profile default]\n' },
  { code: 'CC1006', name: 'upper-case key', credentials: `[default]\nAWS_SECRET_ACCESS_KEY = ${S}\naws_access_key_id = AKIAABCDEFGHIJKLMNOP\n`, line: 2 },
  { code: 'CC1006', name: 'Region', config: '[default]\nRegion = eu-west-1\n', line: 2 },
  { code: 'CC1006', name: 'unknown upper-case key is not flagged', config: '[default]\nMY_TOOL_SETTING = 1\n' },
  { code: 'CC1007', name: 'aws_secret_key', credentials: `[default]\naws_access_key_id = AKIAABCDEFGHIJKLMNOP\naws_secret_key = ${S}\n`, line: 3, severity: 'error' },
  { code: 'CC1007', name: 'aws_session_tokn', credentials: `[default]\n${KEYS}aws_session_tokn = ${T}\n`, line: 4 },
  { code: 'CC1007', name: 'regoin is a warning', config: '[default]\nregoin = eu-west-1\n', line: 2, severity: 'warning' },
  { code: 'CC1007', name: 'known and expiry keys pass', credentials: `[default]\n${KEYS}aws_session_token = ${T}\nx_security_token_expires = 2030-01-01T00:00:00Z\n` },
  { code: 'CC1007', name: 'unrelated tool keys pass', config: '[default]\nazure_tenant_id = x\ngranted_sso_start_url = y\n' },
  { code: 'CC1008', name: 'pasted token on its own line', credentials: `[default]\n${KEYS}${T}\n`, line: 4 },
  { code: 'CC1008', name: 'comments and blank lines pass', credentials: `# top\n[default]\n\n; note\n${KEYS}` },
  { code: 'CC1009', name: 'keys before the header', credentials: `${KEYS}[default]\nregion=x\n`, line: 1, severity: 'error' },
  { code: 'CC1009', name: 'only a region before the header is a warning', config: 'region = x\n[default]\noutput=json\n', line: 1, severity: 'warning' },
  { code: 'CC1009', name: 'comment before the header passes', credentials: `# hello\n[default]\n${KEYS}` },
  { code: 'CC1010', name: 'double quotes', credentials: `[default]\naws_access_key_id = "AKIAABCDEFGHIJKLMNOP"\naws_secret_access_key = ${S}\n`, line: 2 },
  { code: 'CC1010', name: 'single quotes on region', config: "[default]\nregion = 'eu-west-1'\n", line: 2 },
  { code: 'CC1010', name: 'credential_process with a quoted path passes', config: '[profile p]\ncredential_process = "/bin/true" --x\n' },
  { code: 'CC1011', name: 'glued # is kept', config: '[default]\nregion = eu-west-1#x\n', line: 2, severity: 'warning' },
  { code: 'CC1011', name: 'spaced ; is a comment', config: '[default]\nregion = eu-west-1 ;x\n', line: 2, severity: 'info' },
  { code: 'CC1011', name: 'comment on its own line passes', config: '[default]\n# eu\nregion = eu-west-1\n' },
  { code: 'CC1012', name: 'id without secret', credentials: '[default]\naws_access_key_id = AKIAABCDEFGHIJKLMNOP\n', line: 2 },
  { code: 'CC1012', name: 'secret without id', credentials: `[default]\nregion = x\naws_secret_access_key = ${S}\n`, line: 3 },
  { code: 'CC1012', name: 'id in config, secret in credentials merge fine', credentials: `[dev]\naws_secret_access_key = ${S}\n`, config: '[profile dev]\naws_access_key_id = AKIAABCDEFGHIJKLMNOP\n' },
  { code: 'CC1013', name: 'ASIA without token', credentials: `[default]\naws_access_key_id = ASIAABCDEFGHIJKLMNOP\naws_secret_access_key = ${S}\n`, line: 2 },
  { code: 'CC1013', name: 'ASIA with token passes', credentials: `[default]\naws_access_key_id = ASIAABCDEFGHIJKLMNOP\naws_secret_access_key = ${S}\naws_session_token = ${T}\n` },
  { code: 'CC1014', name: 'AKIA with token', credentials: `[default]\n${KEYS}aws_session_token = ${T}\n`, line: 4 },
  { code: 'CC1014', name: 'AKIA alone passes', credentials: `[default]\n${KEYS}` },
  { code: 'CC1015', name: 'lower-case key id', credentials: `[default]\naws_access_key_id = akiaabcdefghijklmnop\naws_secret_access_key = ${S}\n`, line: 2 },
  { code: 'CC1015', name: '21 characters', credentials: `[default]\naws_access_key_id = AKIAABCDEFGHIJKLMNOPQ\naws_secret_access_key = ${S}\n`, line: 2 },
  { code: 'CC1015', name: '20 characters pass', credentials: `[default]\n${KEYS}` },
  { code: 'CC1016', name: 'space inside the secret', credentials: `[default]\naws_access_key_id = AKIAABCDEFGHIJKLMNOP\naws_secret_access_key = abc def\n`, line: 3 },
  { code: 'CC1016', name: 'tab inside the token', credentials: `[default]\n${KEYS}aws_session_token = ab\tcd\n`, line: 4 },
  { code: 'CC1016', name: 'trailing space is trimmed and passes', credentials: `[default]\naws_access_key_id = AKIAABCDEFGHIJKLMNOP\naws_secret_access_key = ${S}   \n` },
  { code: 'CC1017', name: 'different legacy token', credentials: `[default]\n${KEYS}aws_session_token = ${T}\naws_security_token = other-token-value\n`, line: 5 },
  { code: 'CC1017', name: 'identical legacy token passes', credentials: `[default]\n${KEYS}aws_session_token = ${T}\naws_security_token = ${T}\n` },
  { code: 'CC1018', name: 'missing source_profile', config: '[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = nope\n', line: 3 },
  { code: 'CC1018', name: 'missing sso-session', config: '[profile a]\nsso_session = corp\n', line: 2 },
  { code: 'CC1018', name: 'source in the credentials file, session present: pass', credentials: `[base]\n${KEYS}`, config: '[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = base\n[profile s]\nsso_session = corp\n[sso-session corp]\nsso_region = eu-west-1\n' },
  { code: 'CC1019', name: 'a → b → a', config: '[profile a]\nrole_arn = r\nsource_profile = b\n[profile b]\nrole_arn = r\nsource_profile = a\n', line: 3 },
  { code: 'CC1019', name: 'self-reference without keys', config: '[profile a]\nrole_arn = r\nsource_profile = a\n', line: 3 },
  { code: 'CC1019', name: 'self-reference with keys is fine (the SDK uses them)', credentials: `[a]\n${KEYS}`, config: '[profile a]\nrole_arn = r\nsource_profile = a\n' },
  { code: 'CC1020', name: 'both sources', credentials: `[default]\n${KEYS}`, config: '[profile a]\nrole_arn = r\nsource_profile = default\ncredential_source = Environment\n', line: 4 },
  { code: 'CC1020', name: 'one source passes', config: '[profile a]\nrole_arn = r\ncredential_source = Environment\n' },
  { code: 'CC1021', name: 'wrong case', config: '[profile a]\nrole_arn = r\ncredential_source = environment\n', line: 3 },
  { code: 'CC1021', name: 'EcsContainer passes', config: '[profile a]\nrole_arn = r\ncredential_source = EcsContainer\n' },
  { code: 'CC1022', name: 'missing token file', config: '[profile w]\nrole_arn = r\nweb_identity_token_file = /nonexistent/token\n', line: 3 },
  { code: 'CC1022', name: 'existing token file passes', config: '[profile w]\nrole_arn = r\nweb_identity_token_file = /etc/passwd\n' },
  { code: 'CC1023', name: 'missing program', config: '[profile p]\ncredential_process = /nonexistent/helper --x\n', line: 2 },
  { code: 'CC1023', name: 'not on PATH', config: '[profile p]\ncredential_process = credcheck-no-such-helper --x\n', line: 2 },
  { code: 'CC1023', name: 'not executable', config: '[profile p]\ncredential_process = /etc/passwd\n', line: 2 },
  { code: 'CC1023', name: 'a program on PATH passes', config: '[profile p]\ncredential_process = sh -c "echo {}"\n' },
  { code: 'CC1032', name: 'expired (aws-mfa format, UTC assumed)', credentials: `[default]\n${KEYS}expiration = 2025-12-31 23:00:00\n`, line: 4 },
  { code: 'CC1032', name: 'epoch seconds in the past', credentials: `[default]\n${KEYS}aws_credential_expiration = 1700000000\n`, line: 4 },
  { code: 'CC1032', name: 'future expiry passes', credentials: `[default]\n${KEYS}aws_expiration = 2026-01-01T01:00:00Z\n` },
  { code: 'CC1033', name: 'unparseable', credentials: `[default]\n${KEYS}x_security_token_expires = soon\n`, line: 4 },
  { code: 'CC1033', name: 'offset without colon parses', credentials: `[default]\n${KEYS}aws_session_expiration = 2026-01-01T05:00:00+0100\n` },
  { code: 'CC1034', name: 'selected profile missing, with a near miss', credentials: `[default]\n${KEYS}[profile.dev]\n${KEYS}`, profile: 'dev', line: null, severity: 'error' },
  { code: 'CC1034', name: 'default missing is info', credentials: `[dev]\n${KEYS}`, line: null, severity: 'info' },
  { code: 'CC1034', name: 'selected profile from the config file passes', config: '[profile dev]\nregion=x\n', profile: 'dev' },
  { code: 'CC1035', name: 'duplicate key across two [default] blocks', credentials: `[default]\n${KEYS}[default]\naws_access_key_id = AKIAQRSTUVWXYZ234567\n`, line: 5 },
  { code: 'CC1035', name: 'same key in two profiles passes', credentials: `[a]\n${KEYS}[b]\n${KEYS}` },
];

for (const c of CASES) {
  const fires = c.line !== undefined;
  test(`${c.code} ${fires ? 'fires' : 'passes'}: ${c.name}`, async () => {
    const all = await findings(c.credentials ?? '', c.config ?? '', c.profile);
    const hits = all.filter((f) => f.code === c.code);
    if (!fires) {
      assert.deepEqual(hits.map((h) => h.message), [], `${c.code} fired`);
      return;
    }
    assert.equal(hits.length, 1, `expected one ${c.code}, got ${all.map((f) => `${f.code}@${f.line}`).join(', ')}`);
    const hit = hits[0]!;
    if (c.line !== null) {
      assert.equal(hit.line, c.line);
      assert.ok(hit.file, 'a finding with a line names its file');
    }
    if (c.severity) assert.equal(hit.severity, c.severity);
    assert.ok(hit.fix.length > 10);
    for (const f of all) {
      assert.ok(!f.message.includes(S) && !f.fix.includes(S) && !f.message.includes(T), `${f.code} leaks a secret`);
    }
  });
}

test('CC1008 never shows the junk line itself', async () => {
  const hit = (await findings(`[default]\n${KEYS}${T}\n`)).find((f) => f.code === 'CC1008');
  assert.ok(hit);
  assert.ok(!JSON.stringify(hit).includes('CANARY'));
  assert.match(hit.message, /50 character/);
});

test('CC1034 names the near miss and the existing profiles', async () => {
  const hit = (await findings(`[default]\n${KEYS}[profile.dev]\n${KEYS}`, '', 'dev')).find((f) => f.code === 'CC1034');
  assert.match(hit!.message, /Profiles that exist: default, profile\.dev/);
  assert.match(hit!.message, /Near misses: \[profile\.dev\] at .*credentials:4/);
});

test('CC1004 findings carry the right file', async () => {
  const { dir, files } = await probe('', '[default]\nregion=x\n[profile default]\noutput=json\n');
  const hit = runRules(RULES, { now: NOW, files }).find((f) => f.code === 'CC1004');
  assert.equal(hit?.file, join(dir, 'config'));
  assert.equal(hit?.profile, 'default');
});

/** Rules are pure: facts the probe cannot fake (sudo, permissions) are tested with plain objects. */
async function factsWith(change: (f: FileFacts) => void) {
  const { files } = await probe(`[default]\n${KEYS}`, '[default]\nregion=x\n');
  assert.equal(files.status, 'ok');
  if (files.status === 'ok') change(files.value);
  return runRules(RULES, { now: NOW, files });
}

test('CC1031 fires under sudo when the invoking user has AWS files, not otherwise', async () => {
  const yes = await factsWith((f) => (f.sudo = { user: 'alice', userHome: '/home/alice', userHasAwsFiles: true }));
  const hit = yes.find((f) => f.code === 'CC1031');
  assert.match(hit!.message, /alice's files in \/home\/alice\/.aws/);
  const no = await factsWith((f) => (f.sudo = { user: 'alice', userHome: '/home/alice', userHasAwsFiles: false }));
  assert.equal(no.filter((f) => f.code === 'CC1031').length, 0);
});

test('CC1030 fires for 0640 and 0604, not for 0600 or on the config file', async () => {
  for (const [mode, fires] of [['0640', true], ['0604', true], ['0600', false], ['0400', false]] as const) {
    const out = await factsWith((f) => (f.credentials.mode = mode));
    assert.equal(out.some((x) => x.code === 'CC1030'), fires, mode);
  }
  const cfg = await factsWith((f) => (f.config.mode = '0644'));
  assert.equal(cfg.some((x) => x.code === 'CC1030'), false);
});

test('CC1024-CC1029 file states map to findings with the right severities', async () => {
  const states: Array<[Partial<FileFacts['credentials']>, string, string]> = [
    [{ status: 'missing', source: '$AWS_SHARED_CREDENTIALS_FILE', detail: 'no such file' }, 'CC1024', 'warning'],
    [{ status: 'empty', size: 0 }, 'CC1025', 'warning'],
    [{ status: 'not-regular', fileType: 'fifo' }, 'CC1026', 'error'],
    [{ status: 'too-large', size: 50_000_000 }, 'CC1027', 'error'],
    [{ validUtf8: false }, 'CC1028', 'warning'],
    [{ status: 'unreadable', detail: 'permission denied' }, 'CC1029', 'error'],
  ];
  for (const [patch, code, severity] of states) {
    const out = await factsWith((f) => Object.assign(f.credentials, patch));
    const hit = out.find((x) => x.code === code);
    assert.equal(hit?.severity, severity, code);
  }
  const defaultMissing = await factsWith((f) => Object.assign(f.credentials, { status: 'missing', source: 'default (home from HOME)' }));
  assert.equal(defaultMissing.some((x) => x.code === 'CC1024'), false, 'a missing default file alone is normal');
});

test('likelyKey: edit distance 2 and aliases, but not unrelated keys', () => {
  assert.equal(editDistance('aws_session_tokn', 'aws_session_token'), 1);
  assert.equal(editDistance('reigon', 'region'), 1, 'a swap is one edit');
  assert.equal(likelyKey('aws_session_tokn'), 'aws_session_token');
  assert.equal(likelyKey('aws_secret_key'), 'aws_secret_access_key');
  assert.equal(likelyKey('aws_acess_key_id'), 'aws_access_key_id');
  assert.equal(likelyKey('region'), undefined);
  assert.equal(likelyKey('azure_tenant_id'), undefined);
});
