/**
 * fileDifferences / splitPairs: which SDKs a line hurts, never a value. (The parsers themselves
 * are held to the real SDKs by test/oracles/matrix.test.ts.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileDifferences, splitPairs } from '../../src/sdk/models/file-diff.js';
import CC1039 from '../../src/areas/files/rules/CC1039-sdks-read-differently.js';

const SECRET = 'CANARYsecretKEY0000000000000000000000001';
const pair = (header: string, id = 'AKIAEXAMPLE000000001') => `[${header}]\naws_access_key_id = ${id}\naws_secret_access_key = ${SECRET}\n`;

test('a clean file: no differences', () => {
  assert.deepEqual(fileDifferences('credentials', pair('default') + pair('dev')), []);
  assert.deepEqual(fileDifferences('config', `${pair('default')}[profile dev]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = default\n`), []);
});

test('[profile  dev] with two spaces: Node does not see it, the others do', () => {
  const [d] = fileDifferences('config', pair('profile  dev'));
  assert.equal(d.line, 1);
  assert.equal(d.profile, 'dev');
  assert.deepEqual(d.hurt, ['js']);
  assert.equal(d.message, 'boto3 and the AWS CLI, Ruby, Go and Java see a profile dev here; Node does not.');
});

test('[profile default] after [default]: botocore and Ruby keep the last, Node and Go [profile default]', () => {
  // In this order all four end up with [profile default]'s keys: nothing to report.
  assert.deepEqual(fileDifferences('config', pair('default', 'AKIAFIRST00000000001') + pair('profile default', 'AKIASECOND0000000001')), []);
  const reverse = fileDifferences('config', pair('profile default', 'AKIAFIRST00000000001') + pair('default', 'AKIASECOND0000000001')).find((d) => d.key === 'aws_access_key_id')!;
  assert.deepEqual(reverse.hurt.sort(), ['botocore', 'ruby']);
  assert.doesNotMatch(reverse.message, /AKIA/);
});

test('configparser quirks: duplicate section, colon, inline comment, BOM; messages never carry a value', () => {
  const dup = fileDifferences('credentials', `${pair('default')}[default]\nregion = x\n`);
  assert.ok(dup.some((d) => d.line === 4 && d.hurt.includes('botocore') && /cannot read this file \(ConfigParseError\)/.test(d.message)));
  const colon = fileDifferences('credentials', `[default]\naws_access_key_id: AKIACOLON00000000001\naws_secret_access_key: ${SECRET}\n`);
  assert.ok(colon.some((d) => d.key === 'aws_access_key_id' && d.line === 2 && d.hurt.includes('botocore') && d.hurt.includes('go')));
  const inline = fileDifferences('credentials', `[default]\naws_access_key_id = AKIAINLINE0000000001 # work\naws_secret_access_key = ${SECRET}\n`);
  assert.deepEqual(inline.find((d) => d.key === 'aws_access_key_id')!.hurt.sort(), ['botocore', 'ruby']);
  const bom = fileDifferences('credentials', `\ufeff${pair('default')}`);
  // Java: InputStreamReader keeps U+FEFF, so "\uFEFF[default]" is a property before any profile (ProfileFileReader).
  assert.deepEqual(bom.filter((d) => /cannot read/.test(d.message)).map((d) => d.hurt[0]).sort(), ['botocore', 'go', 'java', 'ruby']);
  for (const d of [...dup, ...colon, ...inline, ...bom]) assert.ok(!d.message.includes(SECRET) && !/AKIA[A-Z0-9]{16}/.test(d.message), d.message);
});

test('key id in credentials, secret in config: boto3 and the AWS CLI stop with PartialCredentialsError; Node merges', () => {
  const [d] = splitPairs('[default]\naws_access_key_id = AKIASPLIT00000000001\n', `[default]\naws_secret_access_key = ${SECRET}\n`);
  assert.equal(d.line, 2);
  assert.match(d.message, /boto3 and the AWS CLI stop here with PartialCredentialsError.*Node and Java merge the files and use \[default\]/);
  assert.deepEqual(splitPairs(pair('default'), pair('default')), []);
});

test('CC1039 turns each difference into a finding at its file and line', () => {
  const file = (kind: 'credentials' | 'config', sdkDifferences: any[]) => ({ kind, path: `/h/.aws/${kind}`, source: 'default', status: 'ok', sdkReadsAsEmpty: false, lines: [], sdkDifferences });
  const facts: any = { now: '2026-01-01T00:00:00Z', files: { status: 'ok', ms: 0, value: { credentials: file('credentials', [{ line: 3, profile: 'dev', message: 'Node sees it; Go does not.', hurt: ['go'] }]), config: file('config', []) } } };
  const out = CC1039.check(facts);
  assert.equal(out.length, 1);
  assert.equal(out[0].line, 3);
  assert.equal(out[0].file, '/h/.aws/credentials');
  assert.match(out[0].message, /Line 3 of the credentials file: Node sees it; Go does not\./);
  facts.files.value.credentials.sdkDifferences = [];
  assert.deepEqual(CC1039.check(facts), []);
});

test('Java reads a file its own way: an indented line continues the value above, a colon line fails the whole file', () => {
  // ProfileFileReader.isPropertyContinuationLine: the secret becomes part of aws_access_key_id's value.
  const indented = fileDifferences('credentials', `[default]\naws_access_key_id = AKIAINDENT0000000001\n  aws_secret_access_key = ${SECRET}\n`);
  assert.ok(indented.some((d) => d.key === 'aws_secret_access_key' && d.hurt.includes('java')), JSON.stringify(indented));
  // parsePropertyDefinition: Validate.isTrue(firstEqualsLocation != -1) — one line, the whole file.
  const colon = fileDifferences('credentials', `[default]\naws_access_key_id: AKIACOLON00000000001\naws_secret_access_key: ${SECRET}\n`);
  const java = colon.find((d) => d.hurt.length === 1 && d.hurt[0] === 'java')!;
  assert.match(java.message, /^Java cannot read this file \(Expected an '=' sign defining a property on line 2\)/);
  assert.equal(java.line, 2);
});
