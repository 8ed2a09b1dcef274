import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliResult } from '../helpers/cli.js';
import { findLeaks, findRawControls, findWorkflowCommands, INJECT, INJECT_LINE, leakIndex, makeCanaries, randomKeyId, type Canaries } from '../helpers/attack.js';
import { startEcho, type EchoServer } from '../servers/echo.js';

/**
 * The attack suite, as issue 14 tried it: canaries of realistic length in every place a secret
 * enters (files, env, token files, SSO cache, credential_process stdout and stderr, proxy URLs in
 * every form, a pasted section header or key id, a process's argv and environment), endpoints that
 * echo what they were sent (STS quoting Authorization and the web identity JWT, an SSO portal
 * quoting its bearer, a proxy's 407 quoting Proxy-Authorization, IMDS and container endpoints),
 * and hostile text from every outside source (section headers, --profile, AWS_REGION, paths, IMDS
 * role names and messages, STS ARNs, accounts and errors, process stderr, expiry values, role ARNs,
 * JWT claims) — through every command and every format, on success and failure paths, with
 * GITHUB_ACTIONS=true throughout. Each run must show no window of any canary, no raw control
 * character, and no line a GitHub runner would execute other than credcheck's own annotations.
 * The in-process half (every renderer × every hostile value) is test/unit/attack-render.test.ts.
 */

interface Run {
  label: string;
  args: string[];
  env: Record<string, string>;
  /** Files the run writes (JUnit, step summary, textfile), checked like stdout. */
  files?: string[];
  /** Annotation lines are expected (preflight under GitHub Actions or --format github). */
  annotations?: boolean;
}

interface World {
  canaries: Canaries;
  dir: string;
  env: Record<string, string>;
  keyIds: string[];
}

/** A HOME holding a canary in every file a secret can live in, hostile text in every name. */
function makeWorld(echo: EchoServer): World {
  const c = makeCanaries({ sub: `repo:org/repo${INJECT}`, aud: `sts.amazonaws.com${INJECT}` });
  const dir = mkdtempSync(join(tmpdir(), 'credcheck-attack-'));
  // A directory whose name is hostile: every path printed under it carries the injection.
  const hostileDir = join(dir, `dir${INJECT.replace(/\//g, '_')}`);
  const home = join(dir, 'home');
  mkdirSync(join(home, '.aws', 'sso', 'cache'), { recursive: true });
  mkdirSync(hostileDir, { recursive: true });
  const keyIds = [randomKeyId('ASIA'), randomKeyId('ASIA'), randomKeyId('AKIA')];

  writeFileSync(join(dir, 'web-identity-token'), c.jwt);
  writeFileSync(join(dir, 'container-token'), c.containerToken);
  const okProc = join(dir, 'proc-ok.sh');
  writeFileSync(okProc, `#!/bin/sh\nprintf '%s' '{"Version":1,"AccessKeyId":"${keyIds[1]}","SecretAccessKey":"${c.processSecret}","SessionToken":"${c.processToken}","Expiration":"2099-01-01T00:00:00Z"}'\n`);
  const badProc = join(dir, 'proc-bad.sh');
  // A failing helper that prints credentials, then explains itself on stderr quoting a long token and hostile text.
  writeFileSync(badProc, `#!/bin/sh\nprintf '%s\\n' '{"Version":1,"AccessKeyId":"${keyIds[1]}","SecretAccessKey":"${c.processSecret}"}'\nprintf 'credential helper failed: refresh token %s expired %s\\n' '${c.refreshToken}${c.processToken}' "$(printf '\\033]0;PWNED\\007\\033[2J\\r::warning::INJECTED-P')" >&2\nexit 3\n`);
  chmodSync(okProc, 0o755);
  chmodSync(badProc, 0o755);

  const credentials = join(hostileDir, 'credentials');
  writeFileSync(
    credentials,
    [
      '[default]',
      `aws_access_key_id = ${keyIds[0]}`,
      `aws_secret_access_key = ${c.secretKey2}`,
      `aws_session_token = "${c.sessionToken2}"`,
      `aws_expiration = 2099-01-01${INJECT_LINE}`,
      '',
      `[${c.headerSecret}]`,
      `aws_access_key_id = ${keyIds[2]}`,
      `aws_secret_access_key = ${c.secretKey2}`,
      '',
      `[hostile${INJECT_LINE}]`,
      `aws_access_key_id = ${c.keyIdSecret}`,
      `aws_secret_access_key = ${c.secretKey2}`,
      `expiration = ${INJECT_LINE}`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  const config = join(hostileDir, 'config');
  writeFileSync(
    config,
    [
      '[default]',
      'region = us-east-1',
      '',
      '[profile proc]',
      `credential_process = ${okProc} --password ${c.argvSecret}`,
      '',
      '[profile badproc]',
      `credential_process = ${badProc}`,
      '',
      '[profile wi]',
      `role_arn = arn:aws:iam::123456789012:role/ci${INJECT_LINE}`,
      `web_identity_token_file = ${join(dir, 'web-identity-token')}`,
      'region = us-east-1',
      '',
      '[profile sso]',
      'sso_session = corp',
      'sso_account_id = 123456789012',
      `sso_role_name = Admin${INJECT_LINE}`,
      'region = us-east-1',
      '',
      '[sso-session corp]',
      'sso_region = us-east-1',
      'sso_start_url = https://example.awsapps.com/start',
      '',
      `[profile x${INJECT_LINE}]`,
      `role_arn = arn:aws:iam::123456789012:role/r${INJECT_LINE}`,
      'source_profile = default',
      '',
    ].join('\n'),
  );
  // The SDK finds the SSO token under sha1(session name) (or of the start URL, legacy profiles).
  const ssoEntry = JSON.stringify({ accessToken: c.ssoAccessToken, refreshToken: c.ssoRefreshToken, clientId: 'echo-client', clientSecret: c.ssoRefreshToken, expiresAt: '2099-01-01T00:00:00Z', region: 'us-east-1', startUrl: 'https://example.awsapps.com/start' });
  for (const name of ['corp', 'https://example.awsapps.com/start']) {
    writeFileSync(join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update(name).digest('hex')}.json`), ssoEntry);
  }
  return {
    canaries: c,
    dir,
    keyIds,
    env: {
      HOME: home,
      NO_COLOR: '1',
      GITHUB_ACTIONS: 'true',
      AWS_SHARED_CREDENTIALS_FILE: credentials,
      AWS_CONFIG_FILE: config,
      AWS_ENDPOINT_URL_STS: echo.url,
      AWS_ENDPOINT_URL_SSO: echo.url,
      AWS_EC2_METADATA_SERVICE_ENDPOINT: echo.url,
      CREDCHECK_NTP_SERVERS: '127.0.0.1:9',
    },
  };
}

/** Env keys as a CI job exports them. */
function envKeys(w: World): Record<string, string> {
  return { AWS_ACCESS_KEY_ID: w.keyIds[0]!, AWS_SECRET_ACCESS_KEY: w.canaries.secretKey, AWS_SESSION_TOKEN: w.canaries.sessionToken };
}

/** No keys anywhere but a container endpoint (a user:PW@ URI) with its bearer token: the chain reaches it. */
function containerOnly(w: World, echo: EchoServer, tokenFrom: 'env' | 'file', password: string): Record<string, string> {
  return {
    ...w.env,
    AWS_SHARED_CREDENTIALS_FILE: join(w.dir, 'no-credentials'),
    AWS_CONFIG_FILE: join(w.dir, 'no-config'),
    AWS_CONTAINER_CREDENTIALS_FULL_URI: `http://u:${password}@127.0.0.1:${echo.port}/container`,
    ...(tokenFrom === 'env' ? { AWS_CONTAINER_AUTHORIZATION_TOKEN: w.canaries.containerToken } : { AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: join(w.dir, 'container-token') }),
  };
}

type Format = 'gh-text' | 'json' | 'github' | 'junit';

/**
 * preflight in the formats asked for: 'gh-text' is plain text under GITHUB_ACTIONS=true (with
 * annotations, a --junit file and the step summary), then --json, --format github, --format junit.
 */
function preflight(label: string, base: string[], env: Record<string, string>, dir: string, formats: Format[] = ['gh-text', 'json', 'github', 'junit']): Run[] {
  const name = `${label}-${base.join('-')}`.replace(/\W+/g, '-');
  const junit = join(dir, `${name}-junit.xml`);
  const summary = join(dir, `${name}-summary.md`);
  const runs: Record<Format, Run> = {
    'gh-text': { label, args: [...base, '--junit', junit], env: { ...env, GITHUB_STEP_SUMMARY: summary }, files: [junit, summary], annotations: true },
    json: { label, args: [...base, '--json', '--debug'], env },
    github: { label, args: [...base, '--format', 'github'], env, annotations: true },
    junit: { label, args: [...base, '--format', 'junit', '--debug'], env },
  };
  return formats.map((f) => runs[f]);
}

function watchRuns(label: string, env: Record<string, string>, dir: string): Run[] {
  const textfile = join(dir, `${label.replace(/\W+/g, '-')}.prom`);
  return [
    { label, args: ['watch', '--for', '1s', '--interval', '200ms', '--textfile', textfile], env, files: [textfile] },
    { label, args: ['watch', '--json', '--for', '1s', '--interval', '200ms', '--debug'], env },
  ];
}

/** Each command once, with env; plain preflight expects annotations (GITHUB_ACTIONS=true). */
function runs(label: string, env: Record<string, string>, commands: string[][]): Run[] {
  return commands.map((args) => ({ label, args, env, annotations: args[0] === 'preflight' && !args.includes('--json') && !args.includes('--format') }));
}

/** Runs `all` with at most `width` CLIs at once. */
async function runAll(all: Run[], width: number, each: (run: Run, result: CliResult) => void): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < all.length) {
      const run = all[next++]!;
      each(run, await runCli(run.args, run.env, 60_000));
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
}

test('attack: no canary, raw control character or workflow command leaves credcheck, whatever the source, command or format', async (t) => {
  const stsInject = await startEcho({ sts: 'inject-identity', inject: INJECT });
  const stsEcho = await startEcho({ sts: 'echo-error', inject: INJECT });
  const w = makeWorld(stsInject);
  const c = w.canaries;
  // A process to inspect with --pid: a proxy password in its argv (-x http://u:PW@h) and its environment.
  const victim: ChildProcess = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)', '--', '-x', `http://u:${c.proxyPassword}@127.0.0.1:3128`, '--token', c.argvSecret], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HTTPS_PROXY: `alice:${c.proxyPassword}@127.0.0.1:3128`, AWS_SECRET_ACCESS_KEY: c.secretKey, AWS_SESSION_TOKEN: c.sessionToken, AWS_ACCESS_KEY_ID: c.keyIdSecret },
    stdio: 'ignore',
  });
  const echoEnv = { AWS_ENDPOINT_URL_STS: stsEcho.url, AWS_ENDPOINT_URL_SSO: stsEcho.url, AWS_EC2_METADATA_SERVICE_ENDPOINT: stsEcho.url };
  const succeed = { ...w.env, ...envKeys(w) };
  const echo = { ...w.env, ...envKeys(w), ...echoEnv };
  const files = { ...w.env, ...echoEnv };
  const wiEnv = { ...files, AWS_WEB_IDENTITY_TOKEN_FILE: join(w.dir, 'web-identity-token'), AWS_ROLE_ARN: `arn:aws:iam::123456789012:role/ci${INJECT}` };
  const region = { ...succeed, AWS_REGION: `us-east-1${INJECT}`, AWS_DEFAULT_REGION: INJECT };
  const enc = encodeURIComponent(c.proxyPassword);
  const at = `@127.0.0.1:${stsEcho.port}`;
  const all: Run[] = [
    // Success paths: STS and IMDS answer, with hostile ARNs, accounts, role names and messages.
    ...runs('env keys, STS/IMDS answer with hostile names', succeed, [['file'], ['chain', '--json', '--debug'], ['identity'], ['imds'], ['doctor', '--verbose', '--debug'], ['doctor', '--json']]),
    ...preflight('env keys, STS answers with hostile names', ['preflight', '--min-ttl', '2h'], succeed, w.dir),
    ...watchRuns('shared file, hostile names', succeed, w.dir),
    // watch following every source it can (file, IMDS, container) and validating with STS: echoes and hostile names.
    ...runs('watch --all --validate, echoing endpoints', { ...containerOnly(w, stsEcho, 'env', encodeURIComponent(c.proxyPassword)), ...envKeys(w), ...echoEnv, AWS_SHARED_CREDENTIALS_FILE: w.env.AWS_SHARED_CREDENTIALS_FILE! }, [['watch', '--all', '--imds', stsEcho.url, '--validate', '1s', '--json', '--for', '1500ms', '--interval', '200ms', '--debug'], ['watch', '--all', '--imds', stsInject.url, '--validate', '1s', '--for', '1500ms', '--interval', '200ms']]),
    // Failure paths: STS and IMDS echo the credentials they were sent.
    ...runs('env keys, endpoints echo what they were sent', echo, [['chain', '--debug'], ['identity', '--json'], ['imds', '--debug'], ['doctor', '--verbose'], ['doctor', '--json', '--debug']]),
    ...preflight('env keys, endpoints echo what they were sent', ['preflight'], echo, w.dir, ['gh-text', 'json']),
    // The shared files alone: canaries, a quoted token, a secret pasted as a section header and as a key id.
    ...runs('shared files, echoing STS', files, [['file', '--json'], ['doctor', '--verbose'], ['preflight']]),
    // A secret pasted into AWS_ACCESS_KEY_ID.
    ...runs('secret in AWS_ACCESS_KEY_ID', { ...echo, AWS_ACCESS_KEY_ID: c.keyIdSecret }, [['identity'], ['doctor', '--json'], ['preflight', '--json']]),
    // Web identity: STS echoes the JWT it was sent; the JWT's claims and the role ARN are hostile.
    ...runs('web identity profile, echoing STS', files, [['identity', '--profile', 'wi', '--debug'], ['doctor', '--profile', 'wi', '--json'], ['chain', '--profile', 'wi', '--json']]),
    ...preflight('web identity profile, echoing STS', ['preflight', '--profile', 'wi'], files, w.dir, ['gh-text', 'json']),
    ...runs('web identity via env, echoing STS', wiEnv, [['identity', '--debug']]),
    ...preflight('web identity via env, echoing STS', ['preflight'], wiEnv, w.dir, ['github']),
    // SSO: the portal echoes the bearer token it was sent from the cache.
    ...runs('sso profile, portal echoes its bearer', files, [['chain', '--profile', 'sso', '--debug'], ['identity', '--profile', 'sso', '--debug'], ['doctor', '--profile', 'sso', '--json'], ['preflight', '--profile', 'sso']]),
    // credential_process: one that works (secrets on stdout), one that fails quoting a 1,000-character token on stderr.
    ...runs('credential_process proc', files, [['chain', '--profile', 'proc'], ['doctor', '--profile', 'proc', '--json', '--debug']]),
    ...runs('credential_process badproc', files, [['chain', '--profile', 'badproc'], ['identity', '--profile', 'badproc', '--debug'], ['doctor', '--profile', 'badproc', '--json', '--debug'], ['doctor', '--profile', 'badproc']]),
    ...preflight('credential_process badproc', ['preflight', '--profile', 'badproc'], files, w.dir, ['gh-text', 'github']),
    // Raw proxy passwords with `/` and a bare `%` (not valid URLs: shown, never usable).
    ...runs('proxy, scheme-less, raw password', { ...echo, http_proxy: `alice:${c.proxyPassword}${at}`, HTTPS_PROXY: `alice:${c.proxyPassword}${at}` }, [['identity', '--debug'], ['doctor', '--json'], ['imds']]),
    ...runs('proxy, URL, raw password', { ...echo, http_proxy: `http://bob:${c.proxyPassword}${at}`, HTTP_PROXY: `http://bob:${c.proxyPassword}${at}`, ALL_PROXY: `http://bob:${c.proxyPassword}${at}` }, [['identity', '--json'], ['doctor', '--debug']]),
    // Valid proxy URLs: the 407 echoes Proxy-Authorization = base64(user:password). Users of 5, 3
    // and 4 characters put the password at all three base64 alignments.
    ...runs('proxy 407 echo, alice', { ...echo, http_proxy: `alice:${enc}${at}` }, [['identity', '--debug'], ['doctor', '--json']]),
    ...runs('proxy 407 echo, bob', { ...echo, http_proxy: `http://bob:${enc}${at}/` }, [['identity', '--json']]),
    ...runs('proxy 407 echo, dave', { ...echo, http_proxy: `http://dave:${enc}${at}` }, [['identity', '--debug'], ['preflight']]),
    // A container endpoint (user:PW@ in its URI) that echoes the Authorization it was sent.
    ...runs('container endpoint, token in env', containerOnly(w, stsEcho, 'env', enc), [['chain', '--debug'], ['imds', '--json'], ['doctor', '--verbose']]),
    ...runs('container endpoint, token file', containerOnly(w, stsEcho, 'file', c.proxyPassword), [['identity', '--debug'], ['doctor', '--json', '--debug']]),
    // Hostile expiry values from the environment (the shared file's are in every run above).
    ...runs('hostile AWS_CREDENTIAL_EXPIRATION', { ...succeed, AWS_CREDENTIAL_EXPIRATION: `2099-01-01T00:00:00Z${INJECT}` }, [['chain'], ['identity', '--json'], ['doctor', '--debug'], ['preflight']]),
    // --pid: a process with a proxy password in its argv (-x http://u:PW@h) and secrets in its environment.
    ...runs('doctor --pid', files, [['doctor', '--pid', String(victim.pid), '--verbose'], ['doctor', '--pid', String(victim.pid), '--json', '--debug']]),
    // Hostile names from the command line and the environment: --profile, AWS_PROFILE, AWS_REGION.
    ...runs('hostile --profile', files, [['file', '--profile', `x${INJECT}`], ['chain', '--profile', `x${INJECT}`], ['identity', '--profile', `x${INJECT}`], ['doctor', '--profile', `x${INJECT}`], ['preflight', '--profile', `x${INJECT}`], ['watch', '--profile', `x${INJECT}`, '--for', '500ms']]),
    ...runs('hostile AWS_REGION and AWS_PROFILE', { ...region, AWS_PROFILE: `p${INJECT}` }, [['identity', '--json'], ['doctor', '--json'], ['preflight', '--json'], ['watch', '--json', '--for', '500ms']]),
    ...runs('hostile AWS_REGION', region, [['doctor']]),
    ...preflight('hostile AWS_REGION', ['preflight', '--require-region'], region, w.dir, ['gh-text', 'junit']),
    ...runs('clock', echo, [['clock', '--debug']]),
  ];

  const index = leakIndex({ ...c, keyId0: w.keyIds[0]!, keyId1: w.keyIds[1]!, keyId2: w.keyIds[2]! });
  const problems: string[] = [];
  const timings: Array<[string, number]> = [];
  let outputs = 0;
  let redactions = 0;
  try {
    await runAll(all, 4, (run, r) => {
      const where = `[${run.label}] credcheck ${run.args.join(' ')}`;
      timings.push([where, r.ms]);
      if (r.code === null) problems.push(`${where}: killed`);
      const texts: Array<{ what: string; text: string; annotations: boolean }> = [
        { what: 'stdout', text: r.stdout, annotations: Boolean(run.annotations) },
        { what: 'stderr', text: r.stderr, annotations: false },
      ];
      for (const f of run.files ?? []) if (existsSync(f)) texts.push({ what: f, text: readFileSync(f, 'utf8'), annotations: false });
      for (const { what, text, annotations } of texts) {
        outputs += 1;
        if (text.includes('[REDACTED]') || text.includes('****')) redactions += 1;
        for (const leak of findLeaks(text, index)) problems.push(`${where}: ${what} leaks ${leak}`);
        for (const ctl of findRawControls(text)) problems.push(`${where}: ${what} has raw control ${ctl}`);
        for (const cmd of findWorkflowCommands(text, annotations)) problems.push(`${where}: ${what} has workflow command ${JSON.stringify(cmd)}`);
      }
      if (r.stdout.trim() === '' && r.stderr.trim() === '') problems.push(`${where}: printed nothing (exit ${r.code})`);
      if (!run.args.includes('--debug') && /\n\s+at .+:\d+:\d+\)?\n/.test(r.stderr + r.stdout)) problems.push(`${where}: stack trace without --debug`);
      if (run.args.includes('--json') && r.code !== 2) {
        for (const doc of run.args[0] === 'watch' ? r.stdout.trim().split('\n') : [r.stdout]) {
          try {
            JSON.parse(doc);
          } catch (error) {
            const pos = Number(/position (\d+)/.exec((error as Error).message)?.[1] ?? 0);
            problems.push(`${where}: --json output is not JSON (${(error as Error).message}): …${doc.slice(Math.max(0, pos - 150), pos + 50)}`);
          }
        }
      }
    });
  } finally {
    victim.kill('SIGKILL');
    await Promise.all([stsInject.close(), stsEcho.close()]);
  }
  const count = (what: string) => problems.filter((p) => p.includes(what)).length;
  const summary = `${all.length} runs (${outputs} outputs), ${count(' leaks ')} leaks, ${count('raw control')} raw control chars, ${count('workflow command')} workflow commands`;
  t.diagnostic(summary);
  t.diagnostic(`slowest: ${timings.sort((a, b) => b[1] - a[1]).slice(0, 5).map(([w, ms]) => `${Math.round(ms)} ms ${w}`).join(' | ')}`);
  t.diagnostic(`endpoint hits: inject ${JSON.stringify(stsInject.hits)}, echo ${JSON.stringify(stsEcho.hits)}`);
  console.log(`attack suite (CLI): ${summary}`);
  assert.deepEqual(problems, [], `${summary}\n${problems.slice(0, 40).join('\n')}`);
  // The attacks reached their targets: every hostile persona was asked, and outputs had something to redact.
  for (const [server, personas] of [[stsInject, ['sts', 'imds']], [stsEcho, ['sts', 'imds', 'sso', 'container', 'proxy']]] as const) {
    for (const p of personas) assert.ok(server.hits[p] > 0, `the hostile ${p} endpoint was never contacted: that attack did not run`);
  }
  assert.ok(redactions > 20, `only ${redactions} outputs showed a redaction: the canaries did not reach the output paths`);
});
