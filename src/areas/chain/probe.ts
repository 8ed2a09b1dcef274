import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { externalDataInterceptor } from '@smithy/shared-ini-file-loader';
import { keyTypeOf, maskKeyId } from '../../kernel/mask.js';
import { registerSecret } from '../../kernel/secrets.js';
import { withDeadline } from '../../kernel/probe.js';
import { readSafely, type SafeRead } from '../files/read.js';
import { webIdentityToken } from '../../sdk/web-identity.js';
import { probeFiles } from '../files/probe.js';
import type { FileFacts, ProfileFacts } from '../files/facts.js';
import { readSsmRuntimeConfig, type SsmRuntimeConfig } from '../../sdk/ssm/runtime-config.js';
import { attempt, reasonOf, type Attempt, type Creds } from './attempt.js';
import { installProcessExec } from './exec.js';
import type { ChainFacts, ChainLink, ChainSource, IniKind } from './facts.js';
import { captureLogger, IMDS_LINK_DEADLINE_MS, REMOTE_TIMEOUT_MS, runContainer, runEnv, runImds, runIni, runProcess, runTokenFile } from './links.js';
import { describeActive, jwtExp } from './active.js';
import { sdkVersions } from './versions.js';
import { sdkSourceOf } from '../../sdk/sources.js';
import { guardDanglingProviderErrors } from './dangling.js';
import type { SharedResolution } from '../../sdk/shared-resolution.js';
import { readSsoToken } from '../../sdk/sso/token-cache.js';
import { answersHttp } from './liveness.js';
import { containerEndpointUrl } from '../imds/container.js';
import { ImdsOffLimits, sdkImdsGate, stopBeforeImds } from '../imds/off-limits.js';

export interface ChainProbeOptions {
  /** Must be process.env for a live probe: the SDK providers read process.env themselves. */
  env: NodeJS.ProcessEnv;
  profile?: string;
  offline?: boolean;
  ssmRuntimeConfig?: string;
  deadlineMs?: number;
  /** Files facts already gathered (doctor); otherwise probed here first. */
  files?: FileFacts;
  /** Doctor's one resolution per run: a profile that needs STS is resolved once for every area. */
  shared?: SharedResolution;
  /** --show-key-ids: the exported key id in full (envKeys), as every command prints it. */
  showKeyIds?: boolean;
}

export interface ChainProbe {
  facts: ChainFacts;
  /** The winning credentials, in memory only (for an STS identity call); never serialised. */
  provider?: AwsCredentialIdentityProvider;
  files: FileFacts;
  ssm: SsmRuntimeConfig;
}

/** How long the SDK's own chain may lag behind credcheck's links before the check is 'unverified'. */
const CROSS_CHECK_GRACE_MS = 150;

const STS_KINDS = new Set(['assume-role', 'web-identity', 'sso', 'login']);

function stsEndpoint(env: NodeJS.ProcessEnv): string {
  if (env.AWS_ENDPOINT_URL_STS) return `${env.AWS_ENDPOINT_URL_STS} ($AWS_ENDPOINT_URL_STS)`;
  if (env.AWS_ENDPOINT_URL) return `${env.AWS_ENDPOINT_URL} ($AWS_ENDPOINT_URL)`;
  return `the SDK's default STS endpoint for region ${env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? '(profile region or none)'}`;
}

/**
 * Hands the SDK token files through credcheck's bounded reader (a FIFO must not hang it). Returns
 * the problem that would block the SDK, if any, and the read (the one read of the file per run).
 */
async function interceptTokenFile(path: string, exps: Map<string, string>): Promise<{ problem?: string; read: SafeRead }> {
  const read = await readSafely(path, 64 * 1024);
  if (read.status === 'ok' && read.text !== undefined) {
    registerSecret(read.text.trim());
    externalDataInterceptor.interceptToken(path, read.text);
    const exp = jwtExp(read.text);
    if (exp) exps.set(path, exp);
    return { read };
  }
  if (read.status === 'not-regular') return { problem: `web identity token file ${path} is not a regular file (${read.fileType ?? 'special'}): the SDK would block reading it`, read };
  return { read }; // missing/unreadable: let the SDK fail on its own, with its own message
}

function link(source: ChainSource, a: Attempt | undefined, extra: Partial<ChainLink> = {}): ChainLink {
  if (!a) return { source, status: 'skipped', ms: 0, ...extra };
  if (a.ok) return { source, status: 'shadowed', ms: a.ms, accessKeyId: maskKeyId(a.creds.accessKeyId), ...extra };
  const l: ChainLink = { source, status: 'failed', reason: a.reason, ms: a.ms, ...extra };
  if (!a.tryNextLink) l.hardStop = true;
  return l;
}

export function iniNeedsSts(p: ProfileFacts | undefined, all: ProfileFacts[], seen = new Set<string>()): boolean {
  if (!p || seen.has(p.name)) return false;
  seen.add(p.name);
  if (STS_KINDS.has(p.kind) && !(p.kind === 'assume-role' && !p.roleArn)) return true;
  if (p.sourceProfile) return iniNeedsSts(all.find((q) => q.name === p.sourceProfile), all, seen);
  return false;
}

/** The problem with a token file this profile (or a profile it sources from) would read, if any. */
function blockedToken(p: ProfileFacts | undefined, all: ProfileFacts[], problems: Map<string, string>, seen = new Set<string>()): string | undefined {
  if (!p || seen.has(p.name)) return undefined;
  seen.add(p.name);
  if (p.kind === 'web-identity' && p.webIdentityTokenFile && problems.has(p.webIdentityTokenFile)) return problems.get(p.webIdentityTokenFile);
  return p.sourceProfile ? blockedToken(all.find((q) => q.name === p.sourceProfile), all, problems, seen) : undefined;
}

/** The SDK's link order, for links that are reported without having answered. */
const SDK_ORDER: ChainSource[] = ['env', 'sso', 'ini', 'process', 'token-file', 'container', 'imds'];

/**
 * Once a link decides the chain (it supplies credentials, or stops the chain with an error), the SDK
 * never asks the links behind it: they are still probed, concurrently from the start, to say what
 * they would do, but get only a short budget more before being reported as not reached: at least
 * LATER_LINKS_BUDGET_MS, and more on a loaded host, which slows this process's handling of the
 * answer as much as anything else (a real IMDS or container endpoint answers in a few ms; a
 * black-holed one must not hold up the answer). Load is read from two clocks: half of what the
 * chain has taken so far (a slow credential_process), and a quarter of this process's age (start-up
 * on an idle host is ~120 ms, so the floor applies; under load it is several times that).
 * Measured: 30 ms keeps `chain` within 1.3× `chain --offline` (50 ms made it 1.34×). Without the
 * process-age term, a live loopback IMDS behind winning env keys was missed in 2 of 3 chain-matrix
 * runs with both cores busy (and once in a fresh-clone CI run); with it, 0 of 3.
 */
export const LATER_LINKS_BUDGET_MS = 30;

async function settleInSdkOrder(pending: Array<Promise<ChainLink>>, answered: ReadonlySet<ChainSource>): Promise<ChainLink[]> {
  const started = performance.now();
  const settled: ChainLink[] = [];
  for (let i = 0; i < pending.length; i++) {
    const l = await pending[i]!;
    settled.push(l);
    const decisive = l.status === 'shadowed' || (l.status === 'failed' && l.hardStop);
    if (!decisive) continue;
    const behind = pending.slice(i + 1);
    const budgetMs = Math.round(Math.max(LATER_LINKS_BUDGET_MS, (performance.now() - started) / 2, performance.now() / 4));
    // setImmediate after the timer: an answer already received while the loop was busy (module
    // loading blocks it) is processed before the check, not after it.
    const timer = new Promise<undefined>((resolve) => setTimeout(() => setImmediate(() => resolve(undefined)), budgetMs));
    // A link still running when the budget ends is waited for only if its endpoint has answered by then.
    const rest = await Promise.all(behind.map((p, j) => Promise.race([p, timer.then(() => (answered.has(SDK_ORDER[i + 1 + j]!) ? p : undefined))])));
    rest.forEach((r, j) => {
      const source = SDK_ORDER[i + 1 + j]!;
      settled.push(r ?? { source, status: 'skipped', ms: 0, reason: `not reached in ${budgetMs} ms after the ${l.source} link decided the chain (the SDK never asks it)` });
    });
    break;
  }
  return settled;
}

/**
 * Whether the imds link may contact its endpoint, decided once before anything starts: the
 * default link-local address is left alone when DMI says "not EC2" (the rule is shared with the
 * imds area: defaultImdsOffLimits). Adds the chain's wording to the reason.
 */
async function imdsGate(env: NodeJS.ProcessEnv): Promise<{ endpoint: string; offLimits?: string; skip?: string } | undefined> {
  const g = await sdkImdsGate(env);
  if (!g?.offLimits) return g;
  const host = new URL(g.endpoint).hostname.replace(/^\[|\]$/g, '');
  return { ...g, skip: `${g.offLimits}: not probed; off EC2 the SDK's request to ${host} can only time out (1 s token PUT, then 1 s IMDSv1 GET)` };
}

/** The SDK's own chain, for the cross-check; stopped before IMDS when that is off limits. */
function sdkChain(profile: string | undefined, logger: ReturnType<typeof captureLogger>, offLimits: string | undefined) {
  return fromNodeProviderChain({ profile, logger: offLimits ? stopBeforeImds(offLimits, logger) : logger, timeout: REMOTE_TIMEOUT_MS, maxRetries: 0 } as never)()
    .then((c) => ({ ok: true as const, creds: c as AwsCredentialIdentity }))
    .catch((e) => ({ ok: false as const, error: reasonOf(e), offLimits: e instanceof ImdsOffLimits }));
}

export async function probeChainWithCredentials(opts: ChainProbeOptions): Promise<ChainProbe> {
  const warnings: string[] = [];
  // Every link has its own bound; deadlineMs is the caller's outer guard (doctor's budget).
  const run = guardDanglingProviderErrors(warnings, () => walk(opts, warnings));
  const probe = opts.deadlineMs ? await withDeadline(run, opts.deadlineMs, 'walking the credential chain') : await run;
  probe.facts.sdkWarnings = [...new Set(warnings)];
  return probe;
}

async function walk(opts: ChainProbeOptions, warnings: string[]): Promise<ChainProbe> {
  const { env } = opts;
  const logger = captureLogger(warnings);
  // Files first, through the safe reader: the SDK's own reads are then served from memory.
  const files = opts.files ?? (await probeFiles({ env, profile: opts.profile }));
  const ssm = await readSsmRuntimeConfig(env, opts.ssmRuntimeConfig);
  installProcessExec();
  const profileName = files.profile.name;
  const profile = files.profiles.find((p) => p.name === profileName);
  const tokenProblems = new Map<string, string>();
  const tokenExps = new Map<string, string>();
  const tokenPaths = new Set<string>(files.profiles.flatMap((p) => (p.webIdentityTokenFile ? [p.webIdentityTokenFile] : [])));
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE) tokenPaths.add(env.AWS_WEB_IDENTITY_TOKEN_FILE);
  const tokenReads = new Map<string, SafeRead>();
  await Promise.all([...tokenPaths].map(async (p) => {
    const { problem, read } = await interceptTokenFile(p, tokenExps);
    tokenReads.set(p, read);
    if (problem) tokenProblems.set(p, problem);
  }));
  const envToken = env.AWS_WEB_IDENTITY_TOKEN_FILE;
  // Its claims are facts even offline (read locally): preflight judges the token's lifetime on them.
  const webIdentity = envToken ? webIdentityToken(envToken, env.AWS_ROLE_ARN, tokenReads.get(envToken)!) : undefined;
  const offline = Boolean(opts.offline);
  const notVerified: string[] = [];
  const explicitProfile = opts.profile ?? env.AWS_PROFILE;
  const envKeysSet = Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY);
  registerSecret(env.AWS_SECRET_ACCESS_KEY);
  registerSecret(env.AWS_SESSION_TOKEN);

  // Cross-check: the SDK's own chain, started now, judged when our links are done.
  // readFileSync on a FIFO token file would block this whole process: never let the SDK near one.
  const sdkBlocked = tokenProblems.size > 0;
  // A profile that needs STS would be resolved a second time by the SDK's chain (another
  // AssumeRole, another MFA prompt): when that profile wins, the one shared resolution stands.
  const secondResolution = Boolean(opts.shared) && iniNeedsSts(profile, files.profiles) && (Boolean(explicitProfile) || !envKeysSet);
  // remote: container when either URI is set, else IMDS unless disabled
  const containerSet = Boolean(env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI);
  const imdsDisabled = Boolean(env.AWS_EC2_METADATA_DISABLED && env.AWS_EC2_METADATA_DISABLED !== 'false');
  const imdsAsked = !offline && !containerSet && !imdsDisabled;
  const gate = imdsAsked ? imdsGate(env).catch(() => undefined) : Promise.resolve(undefined);
  // The SDK's chain waits for the gate (a few local reads): it must know before it could reach IMDS.
  const sdkRun = offline || sdkBlocked || secondResolution
    ? undefined
    : gate.then((g) => sdkChain(opts.profile, logger, g?.offLimits));

  // env
  const envLink: Promise<ChainLink> = (async () => {
    if (explicitProfile) {
      const why = opts.profile ? '--profile' : `AWS_PROFILE=${env.AWS_PROFILE}`;
      return { source: 'env', status: 'skipped', ms: 0, reason: envKeysSet ? `${why} is set: the SDK skips fromEnv, so AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY are ignored` : `${why} is set: the SDK skips fromEnv` } as ChainLink;
    }
    const a = await runEnv(logger);
    if (!a.ok && !envKeysSet) {
      const half = env.AWS_ACCESS_KEY_ID ? 'AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not' : env.AWS_SECRET_ACCESS_KEY ? 'AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not' : undefined;
      return half ? { source: 'env', status: 'failed', ms: a.ms, reason: `${half}: ${a.reason}` } : { source: 'env', status: 'not-configured', ms: a.ms, reason: a.reason };
    }
    const l = link('env', a);
    (l as ChainLink & { creds?: Creds }).creds = a.ok ? a.creds : undefined;
    return l;
  })();
  const ssoLink: ChainLink = { source: 'sso', status: 'skipped', ms: 0, reason: 'fromSSO runs in the default chain only with sso* inputs passed in code; SSO profiles are resolved by the ini link' };

  // ini, then process (the SDK re-runs credential_process only when fromIni failed)
  const iniKind = profile && profile.kind !== 'none' ? (profile.kind as IniKind) : undefined;
  const iniAndProcess = (async (): Promise<[ChainLink, ChainLink]> => {
    const base = { profile: profileName, ...(iniKind ? { kind: iniKind } : {}) };
    let ini: ChainLink;
    let iniOk = false;
    const needsSts = iniNeedsSts(profile, files.profiles);
    if (!profile) {
      ini = { source: 'ini', status: 'not-configured', ms: 0, reason: `no profile "${profileName}" in ${files.credentials.path} or ${files.config.path}`, profile: profileName };
    } else if (offline && needsSts) {
      ini = { source: 'ini', status: 'skipped', ms: 0, reason: `--offline: resolving ${profile.kind} profile "${profileName}" needs STS (${stsEndpoint(env)})`, ...base };
      notVerified.push(`profile "${profileName}" (${profile.kind}) was not resolved: no STS call with --offline`);
    } else if (blockedToken(profile, files.profiles, tokenProblems)) {
      ini = { source: 'ini', status: 'failed', hardStop: true, ms: 0, reason: blockedToken(profile, files.profiles, tokenProblems)!, ...base };
    } else {
      const a = await runIni(opts.profile, needsSts, logger, opts.shared, profileName);
      iniOk = a.ok;
      ini = !a.ok && profile.kind === 'none' ? { source: 'ini', status: 'not-configured', ms: a.ms, reason: a.reason, profile: profileName } : link('ini', a, base);
      if (a.ok) ini.ms = a.ms;
      (ini as ChainLink & { creds?: Creds }).creds = a.ok ? a.creds : undefined;
    }
    let proc: ChainLink;
    if (!profile || !profile.keys.includes('credential_process')) {
      proc = { source: 'process', status: 'not-configured', ms: 0, reason: profile ? `profile "${profileName}" has no credential_process` : `no profile "${profileName}"`, profile: profileName };
    } else if (iniOk) {
      proc = { source: 'process', status: 'skipped', ms: 0, reason: 'not run: the ini link already supplies credentials (running credential_process again can have side effects)', profile: profileName };
    } else if (ini.hardStop) {
      proc = { source: 'process', status: 'skipped', ms: 0, reason: 'the SDK chain stopped at the ini link', profile: profileName };
    } else {
      const a = await runProcess(opts.profile, logger);
      proc = link('process', a, { profile: profileName });
      (proc as ChainLink & { creds?: Creds }).creds = a.ok ? a.creds : undefined;
    }
    return [ini, proc];
  })();

  // web identity from env
  const tokenLink = (async (): Promise<ChainLink> => {
    const file = env.AWS_WEB_IDENTITY_TOKEN_FILE;
    if (!file || !env.AWS_ROLE_ARN) {
      const half = file ? 'AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not' : env.AWS_ROLE_ARN ? 'AWS_ROLE_ARN is set but AWS_WEB_IDENTITY_TOKEN_FILE is not' : 'AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN are not set';
      return { source: 'token-file', status: half.startsWith('AWS_WEB_IDENTITY_TOKEN_FILE and') ? 'not-configured' : 'failed', ms: 0, reason: half };
    }
    if (tokenProblems.has(file)) return { source: 'token-file', status: 'failed', hardStop: true, ms: 0, reason: tokenProblems.get(file)! };
    if (offline) {
      notVerified.push(`AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN (${env.AWS_ROLE_ARN}) was not exchanged: no STS call with --offline`);
      return { source: 'token-file', status: 'skipped', ms: 0, reason: `--offline: AssumeRoleWithWebIdentity needs STS (${stsEndpoint(env)})` };
    }
    const a = await runTokenFile(logger);
    const l = link('token-file', a);
    (l as ChainLink & { creds?: Creds }).creds = a.ok ? a.creds : undefined;
    return l;
  })();

  const containerLink = (async (): Promise<ChainLink> => {
    if (!containerSet) return { source: 'container', status: 'not-configured', ms: 0, reason: 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and _FULL_URI are not set' };
    if (offline) {
      notVerified.push('the container credentials endpoint was not called (--offline)');
      return { source: 'container', status: 'skipped', ms: 0, reason: '--offline: the container endpoint was not called' };
    }
    const a = await runContainer(logger);
    const c = link('container', a);
    (c as ChainLink & { creds?: Creds }).creds = a.ok ? a.creds : undefined;
    return c;
  })();
  // Started with the links: by the time a link before them wins, a live endpoint has answered.
  const answered = new Set<ChainSource>();
  if (!offline && containerSet) void answersHttp(containerEndpointUrl(env)!, REMOTE_TIMEOUT_MS).then((yes) => yes && answered.add('container'));
  const imdsAnswers = imdsAsked
    ? gate.then((g) => (g && !g.offLimits ? answersHttp(`${g.endpoint.replace(/\/$/, '')}/latest/meta-data/`, REMOTE_TIMEOUT_MS) : false), () => false)
    : undefined;
  void imdsAnswers?.then((yes) => yes && answered.add('imds'));
  const imdsLink = (async (): Promise<ChainLink> => {
    if (containerSet) return { source: 'imds', status: 'skipped', ms: 0, reason: 'a container credentials URI is set: the SDK never tries IMDS' };
    if (imdsDisabled) return { source: 'imds', status: 'skipped', ms: 0, reason: `AWS_EC2_METADATA_DISABLED=${env.AWS_EC2_METADATA_DISABLED}: the SDK does not call IMDS` };
    if (offline) {
      notVerified.push('IMDS was not called (--offline)');
      return { source: 'imds', status: 'skipped', ms: 0, reason: '--offline: IMDS was not called' };
    }
    // Not "not verified": DMI says no instance role exists here to supply credentials.
    const skip = (await gate)?.skip;
    if (skip) return { source: 'imds', status: 'skipped', ms: 0, reason: skip, offEc2: true };
    // Nothing answering even a plain GET within the SDK's 1 s timeout is a black hole: the SDK's 1 s
    // token PUT and then its 1 s IMDSv1 GET will both time out, so say so now instead of in 2 s.
    const silent = imdsAnswers!.then((yes) => (yes ? new Promise<never>(() => {}) : undefined));
    const sdk = await Promise.race([runImds(opts.profile ?? env.AWS_PROFILE, logger), silent]);
    const a = sdk ?? { ok: false as const, reason: '', tryNextLink: true, timedOut: true, ms: REMOTE_TIMEOUT_MS };
    const i = link('imds', a);
    if (!sdk) i.reason = `no answer within ${REMOTE_TIMEOUT_MS} ms, not even to a plain GET: the SDK's 1 s token PUT and its 1 s IMDSv1 GET will time out too`;
    else if (!a.ok && a.timedOut) i.reason = `no answer within ${IMDS_LINK_DEADLINE_MS} ms (the SDK's own wait: a 1 s token PUT, then a 1 s IMDSv1 GET)`;
    (i as ChainLink & { creds?: Creds }).creds = a.ok ? a.creds : undefined;
    return i;
  })();

  const links: Array<ChainLink & { creds?: Creds }> = await settleInSdkOrder([
    envLink,
    Promise.resolve(ssoLink),
    iniAndProcess.then(([ini]) => ini),
    iniAndProcess.then(([, proc]) => proc),
    tokenLink,
    containerLink,
    imdsLink,
  ], answered);

  // Walk in the SDK's order: the first success wins; a hard stop ends the chain.
  let winner: (ChainLink & { creds?: Creds }) | undefined;
  let stoppedAt: ChainLink | undefined;
  for (const l of links) {
    if (stoppedAt) {
      if (l.status !== 'not-configured') {
        const alone = l.status === 'shadowed' ? `would supply ${l.accessKeyId}` : l.reason ? `${l.status}: ${l.reason}` : l.status;
        l.reason = `not reached: the SDK chain stops at the ${stoppedAt.source} link's error (on its own: ${alone})`;
        l.status = 'skipped';
      }
      continue;
    }
    if (!winner && l.status === 'shadowed') {
      winner = l;
      l.status = 'active';
    } else if (!winner && l.status === 'failed' && l.hardStop) {
      stoppedAt = l;
    }
  }
  const active = winner?.creds ? describeActive(winner, winner.creds, { env, files, ssm, now: new Date().toISOString(), ...(env.AWS_WEB_IDENTITY_TOKEN_FILE && tokenExps.has(env.AWS_WEB_IDENTITY_TOKEN_FILE) ? { tokenExp: tokenExps.get(env.AWS_WEB_IDENTITY_TOKEN_FILE)! } : {}) }) : null;

  // Cross-check against fromNodeProviderChain(), bounded: a black-holed IMDS must not hold us up.
  let crossCheck: ChainFacts['crossCheck'];
  if (!sdkRun) {
    crossCheck = {
      status: 'unverified',
      detail: offline
        ? '--offline: fromNodeProviderChain() was not run'
        : secondResolution
          ? `fromNodeProviderChain() was not run: it would resolve profile "${profileName}" through STS a second time`
          : 'fromNodeProviderChain() was not run: it would block reading a web identity token file that is not a regular file',
    };
  }
  else {
    const sdk = await withDeadline(sdkRun, CROSS_CHECK_GRACE_MS, 'fromNodeProviderChain()').catch(() => undefined);
    if (!sdk) crossCheck = { status: 'unverified', detail: 'fromNodeProviderChain() had not finished when credcheck\'s bounded links did (a remote endpoint not answering)' };
    else if (!sdk.ok && sdk.offLimits) {
      // It found nothing before IMDS (credcheck neither); past it, off EC2, only a timeout waits.
      crossCheck = winner
        ? { status: 'disagree', sdkError: sdk.error }
        : { status: 'agree', sdkError: sdk.error, detail: 'fromNodeProviderChain() was stopped before IMDS, which is not called off EC2' };
    }
    else if (sdk.ok) {
      const sdkSource = sdkSourceOf((sdk.creds as Creds).$source);
      const sameSource = winner !== undefined && (sdkSource === winner.source || (sdkSource === 'imds-or-container' && (winner.source === 'imds' || winner.source === 'container')));
      const sameKey = winner?.creds?.accessKeyId === sdk.creds.accessKeyId;
      // STS mints a new key on every call: there, the same source and two temporary keys is agreement.
      const minted = winner !== undefined && (winner.source === 'token-file' || (winner.source === 'ini' && (winner.kind === 'assume-role' || winner.kind === 'web-identity')));
      const agree = sameSource && (sameKey || (minted && keyTypeOf(sdk.creds.accessKeyId) === 'temporary'));
      crossCheck = { status: agree ? 'agree' : 'disagree', sdkAccessKeyId: maskKeyId(sdk.creds.accessKeyId), sdkSource };
      if (agree && !sameKey) crossCheck.detail = 'same source; STS issued a different key to each call';
      registerSecret(sdk.creds.secretAccessKey);
      registerSecret(sdk.creds.sessionToken);
    } else {
      crossCheck = { status: winner ? 'disagree' : 'agree', sdkError: sdk.error };
    }
  }

  const sso = profile?.kind === 'sso' ? await readSsoToken(profile.name, profile.ssoSession, profile.ssoStartUrl, files.home.dir, new Date()) : undefined;
  const facts: ChainFacts = {
    ...(sso ? { sso } : {}),
    ...(webIdentity ? { webIdentity } : {}),
    sdkVersions: sdkVersions(),
    profile: files.profile,
    ...(env.AWS_PROFILE ? { awsProfileEnv: env.AWS_PROFILE } : {}),
    envKeys: {
      set: envKeysSet,
      sessionToken: Boolean(env.AWS_SESSION_TOKEN),
      ...(env.AWS_ACCESS_KEY_ID ? { accessKeyId: maskKeyId(env.AWS_ACCESS_KEY_ID, opts.showKeyIds), keyType: keyTypeOf(env.AWS_ACCESS_KEY_ID) } : {}),
      ...(env.AWS_CREDENTIAL_EXPIRATION ? { expiration: env.AWS_CREDENTIAL_EXPIRATION } : {}),
      ...(env.AWS_SESSION_EXPIRATION ? { sessionExpiration: env.AWS_SESSION_EXPIRATION } : {}),
    },
    stsEndpoint: stsEndpoint(env),
    offline,
    links: links.map(({ creds: _c, ...rest }) => rest),
    active,
    crossCheck,
    notVerified,
    refreshableProfiles: files.profiles.filter((p) => ['assume-role', 'web-identity', 'sso', 'process', 'login'].includes(p.kind)).map((p) => p.name),
    sdkWarnings: [...new Set(warnings)],
  };
  const creds = winner?.creds;
  return { facts, files, ssm, ...(creds ? { provider: async () => creds } : {}) };
}

/** The chain facts alone (doctor, preflight). */
export async function probeChain(opts: ChainProbeOptions): Promise<ChainFacts> {
  return (await probeChainWithCredentials(opts)).facts;
}

export { attempt };
