/**
 * The Java SDK 2.x model on the oracle matrix's set-ups, where aws-sdk-java-v2's source states the
 * answer. No Java SDK runs here, so each expectation cites the source line it follows; the model
 * must give exactly that answer. (The other SDKs' models are held to the real SDKs by
 * test/oracles/matrix.test.ts.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { SETUPS } from '../oracles/setups.js';
import { KEYS, materialize } from '../oracles/world.js';
import { resolveJava } from '../../src/sdk/models/java.js';
import { parseJava } from '../../src/sdk/models/java-ini.js';
import type { Resolution, World } from '../../src/sdk/models/world.js';

// Addresses the models key on; nothing is contacted (the models are pure).
const SERVERS = { sts: 'http://127.0.0.1:9', imdsRole: 'http://127.0.0.2', imdsNone: 'http://127.0.0.3', container: 'http://127.0.0.1:9/creds' };
const NONE = 'SdkClientException';

/** [set-up name, expected: key id / "source:…" / error, the source that says so]. */
const CASES: Array<[string, string, string]> = [
  ['env keys only', 'AKIAENVORACLE0000001', 'EnvironmentVariableCredentialsProvider, second in DefaultCredentialsProvider.createChain'],
  ['env keys and AWS_PROFILE naming a static profile', 'AKIAENVORACLE0000001', 'createChain: the env provider runs before ProfileCredentialsProvider whatever AWS_PROFILE says'],
  ['AWS_ACCESS_KEY / AWS_SECRET_KEY', 'AKIADEFAULT000000006', 'SdkSystemSetting.AWS_SECRET_ACCESS_KEY reads AWS_SECRET_ACCESS_KEY only'],
  ['env key id only, static [default]', 'AKIADEFAULT000000003', 'SystemSettingsCredentialsProvider throws "Secret key must be specified"; AwsCredentialsProviderChain catches RuntimeException and goes on'],
  ['AWS_DEFAULT_PROFILE names a static profile, [default] too', 'AKIADEFAULT000000008', 'ProfileFileSystemSetting.AWS_PROFILE: aws.profile, AWS_PROFILE, "default" — no AWS_DEFAULT_PROFILE'],
  ['AWS_PROFILE names a missing profile, instance role attached', 'source:imds', 'ProfileCredentialsProvider throws "Profile file contained no credentials"; the chain goes on to IMDS'],
  ['[default] then [profile default] in config', 'AKIAPROFDEFLAST00001', 'ProfileFileReader.parseProfileDefinition: [profile default] removes an earlier [default]'],
  ['[profile default] then [default] in config', 'AKIAPROFDEFFIRST0001', 'parseProfileDefinition: [default] after [profile default] is ignored'],
  ['[profile  dev] with two spaces', 'AKIATWOSPACES0000001', 'parseProfileDefinition: trim(rawProfileName.substring("profile".length()))'],
  ['bare [dev] in config', NONE, 'parseProfileDefinition: "did not start with \'profile \' and it was not \'default\'"'],
  ['[profile dev] in credentials', NONE, 'CREDENTIALS: the raw name "profile dev" fails VALID_IDENTIFIER'],
  ['[profile "dev"] quoted', NONE, 'VALID_IDENTIFIER has no quote character'],
  ['key id in credentials, secret in config', 'AKIASPLITCREDS000001', 'ProfileFile.Aggregator merges the two files property by property'],
  ['same profile in both files, different key ids', 'AKIAINCREDENTIALS001', 'defaultProfileFile adds the credentials file first; "files added earliest … take precedence"'],
  ['upper-case key names', NONE, 'ProfileProperty.AWS_ACCESS_KEY_ID is lower case; properties are a plain map'],
  ['colon delimiter', NONE, 'parsePropertyDefinition: Validate.isTrue(firstEqualsLocation != -1) fails the whole file'],
  ['line without = in a section', NONE, 'the same Validate.isTrue: one bad line, no profile file'],
  ['UTF-8 BOM before [default]', NONE, 'InputStreamReader(UTF_8) keeps U+FEFF: the first line is a property before any profile'],
  ['indented secret line', NONE, 'isPropertyContinuationLine: the secret is appended to aws_access_key_id; requireProperties fails'],
  ['duplicate [default] sections', 'AKIADUPSECTION000001', 'readProfileDefinitionLine: computeIfAbsent merges a repeated profile'],
  ['duplicate key in a section', 'AKIADUPKEYSECOND0001', '"Duplicate property … The later one in the file will be used."'],
  ['inline # comment after the key id', 'AKIAINLINECOMMENT001', 'removeTrailingComments(line, " #", " ;", "\\t#", "\\t;")'],
  ['quoted key id', '"AKIAQUOTED0000000001"', 'values are trimmed, never unquoted'],
  ['[default ] with a trailing space', 'AKIATRAILSPACE000001', 'StringUtils.trim of the name inside the brackets'],
  ['[__proto__] section after [default]', 'AKIAPROTO00000000001', 'a Java map: __proto__ is just a name'],
  ['credential_process and static keys in one credentials profile', 'ASIAPROCESSORACLE002', 'ProfileCredentialsUtils: credential_process is tried before aws_access_key_id'],
  ['credential_process fails, instance role attached', 'source:imds', 'ProcessCredentialsProvider throws; the chain goes on'],
  ['role with source_profile', 'source:assume-role', 'roleAndSourceProfileBasedProfileCredentialsProvider (the sts module on the class path)'],
  ['role whose source_profile is itself with static keys', NONE, 'Validate.validState(!children.contains(name)): "Circular relationship detected"'],
  ['role with both source_profile and credential_source', 'source:imds', '"profile has both source_profile and credential_source" is swallowed by the chain'],
  ['role_arn without a source', 'source:imds', 'role_arn alone: no provider for the profile; the chain goes on'],
  ['role with a missing source_profile, instance role attached', 'source:imds', 'noSourceCredentialsException, swallowed'],
  ['web identity in env and a static [default]', 'source:web-identity', 'WebIdentityTokenFileCredentialsProvider runs before ProfileCredentialsProvider'],
  ['web identity token in env without AWS_ROLE_ARN, instance role attached', 'source:imds', 'the web identity provider throws without a role ARN; the chain goes on'],
  ['SSO and static keys in one profile', NONE, 'ProfileCredentialsUtils: any sso_* key makes it an SSO profile (no token here), static keys unused'],
  ['container FULL_URI and a static [default]', 'AKIADEFAULT000000015', 'ProfileCredentialsProvider comes before ContainerCredentialsProvider'],
  ['AWS_EC2_METADATA_DISABLED=TRUE', NONE, 'SystemSettingUtils.safeStringToBoolean: equalsIgnoreCase("true")'],
  ['AWS_EC2_METADATA_DISABLED=1', NONE, 'safeStringToBoolean throws for anything but true/false: IMDS is never asked'],
  ['AWS_EC2_METADATA_DISABLED=false', 'source:imds', 'false: IMDS is asked'],
  // The IMDS endpoint: Ec2MetadataConfigProvider.getEndpoint / getEndpointOverride (core/auth …/credentials/internal).
  ['IMDS endpoint only in the config [default]', 'source:imds', 'getEndpointOverride: no env value, so configFileEndpointOverride of resolveProfileName ("default")'],
  ['IMDS endpoint in env (no role) and in the config [default] (role)', NONE, 'getEndpointOverride: SdkSystemSetting.AWS_EC2_METADATA_SERVICE_ENDPOINT first, the profile file only without it'],
  ['IMDS endpoint in [profile x] and [default], AWS_PROFILE=x', 'source:imds', 'resolveProfileName: ProfileFileSystemSetting.AWS_PROFILE'],
  ['IMDS endpoint in [profile x] and [default], AWS_DEFAULT_PROFILE=x', NONE, 'ProfileFileSystemSetting.AWS_PROFILE has no AWS_DEFAULT_PROFILE: [default]\'s endpoint has no role'],
  ['IMDS endpoint in the credentials [default] and the config [default]', 'source:imds', 'defaultProfileFile adds the credentials file first: its property wins'],
  ['IMDS endpoint and endpoint mode IPv6 in the config [default]', 'source:imds', 'getEndpoint: an endpoint override is returned before the mode is read'],
  ['credential_source Ec2InstanceMetadata, IMDS endpoint in that profile and [default]', 'source:assume-role', 'credentialSourceCredentialProvider: InstanceProfileCredentialsProvider.builder().profileFile(profileFile).profileName(name)'],
  ['credential_source Ec2InstanceMetadata via AWS_DEFAULT_PROFILE, IMDS endpoint in that profile and [default]', NONE, 'no AWS_DEFAULT_PROFILE: [default] has no credentials, and its endpoint has no role'],
  ['profile in code x, IMDS endpoint in [profile x] and [default]', 'source:imds', 'createChain: InstanceProfileCredentialsProvider.builder().profileFile(builder.profileFile).profileName(builder.profileName)'],
  // A profile named in code: DefaultCredentialsProvider.builder().profileName(…) reaches ProfileCredentialsProvider and
  // InstanceProfileCredentialsProvider (its endpoint setting), not the env or web identity providers.
  ['profile in code, env keys and that static profile', 'AKIAENVORACLE0000001', 'createChain: EnvironmentVariableCredentialsProvider is built without the profile name'],
  ['profile in code, web identity in env', 'source:web-identity', 'createChain: WebIdentityTokenFileCredentialsProvider comes before the profile'],
  ['profile in code beats AWS_PROFILE and AWS_DEFAULT_PROFILE', 'AKIACIPROFILE0000003', 'Builder.profileName: "If not specified, the aws.profile system property or AWS_PROFILE"'],
];

function answer(r: Resolution): string {
  if (!r.ok) return r.error!;
  return r.source === 'env' || r.source === 'static' || r.source === 'process' ? r.accessKeyId! : `source:${r.source}`;
}

test('Java 2.x model: every set-up whose answer the source states', () => {
  const homes: string[] = [];
  try {
    for (const [name, expected, why] of CASES) {
      const setup = SETUPS.find((s) => s.name === name);
      assert.ok(setup, `no set-up "${name}"`);
      const { world } = materialize(setup, SERVERS);
      homes.push(world.home);
      const r = resolveJava(world);
      assert.equal(answer(r), expected, `${name}: ${why}\nlinks: ${JSON.stringify(r.links)}`);
      if (expected === 'source:imds') assert.equal(r.accessKeyId, KEYS.imds);
    }
  } finally {
    for (const h of homes) rmSync(h, { recursive: true, force: true });
  }
});

test('Java 2.x: nothing stops the chain; every link that fails is "fell", and the last error is SdkClientException', () => {
  const world: World = { env: { AWS_PROFILE: 'x', AWS_ACCESS_KEY_ID: 'AKIAHALF000000000001', AWS_EC2_METADATA_DISABLED: 'yes' }, home: '/h', files: { '/h/.aws/config': '[profile x]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = x\n' }, processes: {}, imds: {}, containers: {} };
  const r = resolveJava(world);
  assert.equal(r.ok, false);
  assert.equal(r.error, NONE);
  assert.ok(r.links.every((l) => l.status !== 'stop'), JSON.stringify(r.links));
  assert.deepEqual(r.links.map((l) => l.link), ['system-properties', 'env', 'web-identity', 'profile', 'container', 'instance-profile']);
  assert.match(r.links.find((l) => l.link === 'instance-profile')!.why, /neither "true" nor "false"/);
});

test('Java 2.x: JVM system properties win over the environment when they can be seen; an explicit profileName keeps env first', () => {
  const base: World = { env: { AWS_ACCESS_KEY_ID: 'AKIAENV0000000000001', AWS_SECRET_ACCESS_KEY: 's' }, home: '/h', files: { '/h/.aws/credentials': '[ci]\naws_access_key_id = AKIACI00000000000001\naws_secret_access_key = s\n' }, processes: {}, imds: {}, containers: {} };
  assert.equal(resolveJava({ ...base, jvmProperties: { 'aws.accessKeyId': 'AKIAPROP000000000001', 'aws.secretAccessKey': 's' } }).accessKeyId, 'AKIAPROP000000000001');
  // DefaultCredentialsProvider.Builder.profileName reaches the profile and IMDS providers, not the env provider (createChain).
  assert.equal(resolveJava({ ...base, profile: 'ci' }).accessKeyId, 'AKIAENV0000000000001');
  assert.equal(resolveJava({ ...base, env: {}, profile: 'ci' }).accessKeyId, 'AKIACI00000000000001');
});

test('ProfileFileReader: continuation, sub-properties, a section that does not end with ]', () => {
  const p = parseJava('[profile a]\ns3 =\n  max_concurrent_requests = 10\nregion = us-east-1\n', 'CONFIGURATION');
  assert.ok('profiles' in p);
  assert.equal(p.profiles.get('a')!.s3, '\nmax_concurrent_requests = 10');
  assert.deepEqual(parseJava('[profile a]\ns3 =\n  junk\n', 'CONFIGURATION'), { error: "Expected an '=' sign defining a property on line 3", line: 3 });
  assert.deepEqual(parseJava('[default\n', 'CREDENTIALS'), { error: "Profile definition must end with ']' on line 1", line: 1 });
  const c = parseJava('[default] # note\naws_access_key_id = A#B\n', 'CREDENTIALS');
  assert.ok('profiles' in c);
  assert.equal(c.profiles.get('default')!.aws_access_key_id, 'A#B', 'a comment needs whitespace before it in a property line');
});

test('Java 2.x settings are trimmed; an empty AWS_EC2_METADATA_DISABLED is neither true nor false', () => {
  const world = (v: string): World => ({ env: { AWS_EC2_METADATA_DISABLED: v, AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.2' }, home: '/h', files: {}, processes: {}, imds: { '127.0.0.2:80': { ok: true, accessKeyId: 'ASIAIMDS000000000001' } }, containers: {} });
  // SystemSettingUtils.resolveSetting(...).map(String::trim), then safeStringToBoolean.
  assert.equal(resolveJava(world(' TRUE ')).ok, false);
  assert.equal(resolveJava(world(' false ')).accessKeyId, 'ASIAIMDS000000000001');
  assert.match(resolveJava(world('')).links.at(-1)!.why, /neither "true" nor "false"/);
});
