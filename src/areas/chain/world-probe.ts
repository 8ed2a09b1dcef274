/**
 * The links another SDK needs and the JS chain never tried (JS stopped at env keys, JS never asks
 * IMDS when AWS_EC2_METADATA_DISABLED=1, Ruby asks port 80 of the IMDS host, Java runs a profile's
 * credential_process before its static keys …). The models are run once over a World that records
 * every IMDS address, container URL and credential_process they read and that nobody has answered;
 * each distinct one is then probed once, concurrently, every request bounded, and the answers are
 * shared by every model. The endpoints are the ones the environment names (tests: loopback only).
 */
import { exec } from 'node:child_process';
import { maskKeyId } from '../../kernel/mask.js';
import { registerSecret, registerSecretsIn } from '../../kernel/secrets.js';
import { step } from '../imds/http.js';
import { probeContainer } from '../imds/container.js';
import { isDefaultImdsUrl } from '../imds/config.js';
import { PROCESS_TIMEOUT_MS } from './exec.js';
import { defaultImdsOffLimits, dmiHint, type DmiHint } from '../../sdk/ec2-host.js';
import type { Outcome, SdkModel, World } from '../../sdk/models/world.js';

/** Each IMDS request (token, role name, credentials) gets the SDKs' own 1 s timeout. */
export const SDK_STEP_MS = 1000;

type Kind = 'imds' | 'containers' | 'processes';
export type Wanted = Record<Kind, Set<string>>;

/** What the World says of a source the JS chain did not try (sdks.ts observeWorld). */
export const NOT_CHECKED: Outcome = { ok: false, error: 'not checked (the JS chain did not try it)' };
const unanswered = (o: Outcome | undefined) => o === undefined || o === NOT_CHECKED;

/** Runs the models over a recording view of the World: what they read that nobody answered. */
export function wantedBy(world: World, models: SdkModel[], opts: { offline: boolean; runProcesses: boolean }): Wanted {
  const wanted: Wanted = { imds: new Set(), containers: new Set(), processes: new Set() };
  const record = (kind: Kind) => new Proxy(world[kind], {
    get(target, key) {
      const o = (target as Record<string, Outcome>)[key as string];
      // --offline: no network (a credential_process is local: the JS chain runs it offline too). A
      // process has side effects (a prompt, a browser): run only when the user asked with --sdk.
      const allowed = kind === 'processes' ? opts.runProcesses : !opts.offline;
      if (typeof key === 'string' && unanswered(o) && allowed) wanted[kind].add(key);
      return o;
    },
  });
  const view: World = { ...world, imds: record('imds'), containers: record('containers'), processes: record('processes') };
  for (const m of models) m.resolve(view);
  return wanted;
}

/** IMDSv2 then v1, as the SDKs do: token PUT, role name, credentials. A masked key id, never a secret. */
export async function imdsCredentials(address: string): Promise<Outcome> {
  const base = `http://${address}`;
  const token = await step('token', `${base}/latest/api/token`, { method: 'PUT', headers: { 'x-aws-ec2-metadata-token-ttl-seconds': '21600' }, deadlineMs: SDK_STEP_MS });
  if (token.step.status === 'refused' || token.step.status === 'error') return { ok: false, error: `nothing answers at ${address}` };
  const headers: Record<string, string> = token.step.status === 'ok' && token.body ? { 'x-aws-ec2-metadata-token': token.body } : {};
  if (token.body) registerSecret(token.body);
  const list = await step('role', `${base}/latest/meta-data/iam/security-credentials/`, { headers, deadlineMs: SDK_STEP_MS });
  if (list.step.status !== 'ok' || !list.body?.trim()) return { ok: false, error: list.step.httpStatus === 404 ? 'no instance role (404)' : `no role name (${list.step.error ?? list.step.status})` };
  const role = list.body.trim().split('\n')[0]!;
  const creds = await step('credentials', `${base}/latest/meta-data/iam/security-credentials/${encodeURIComponent(role)}`, { headers, deadlineMs: SDK_STEP_MS });
  return parseCredentials(creds.step.status === 'ok' ? creds.body : undefined, ['Token', 'SecretAccessKey'], creds.step.error ?? creds.step.status);
}

function parseCredentials(body: string | undefined, secrets: string[], failure: string): Outcome {
  if (body === undefined) return { ok: false, error: failure };
  registerSecretsIn(body);
  try {
    const j = JSON.parse(body) as Record<string, unknown>;
    for (const k of secrets) if (typeof j[k] === 'string') registerSecret(j[k] as string);
    if (typeof j.AccessKeyId !== 'string' || typeof j.SecretAccessKey !== 'string') return { ok: false, error: 'no AccessKeyId/SecretAccessKey in the answer' };
    return { ok: true, accessKeyId: maskKeyId(j.AccessKeyId)!, ...(typeof j.Expiration === 'string' ? { expiration: j.Expiration } : {}) };
  } catch {
    return { ok: false, error: 'not JSON' };
  }
}

/** One container URL as the SDKs read it (the same token variables); the ECS host override is honoured. */
async function containerCredentials(url: string, env: NodeJS.ProcessEnv): Promise<Outcome> {
  const rel = env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
  const asRelative = rel !== undefined && url === `http://169.254.170.2${rel}`;
  const only: NodeJS.ProcessEnv = {
    ...(asRelative ? { AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: rel, CREDCHECK_ECS_CONTAINER_HOST: env.CREDCHECK_ECS_CONTAINER_HOST } : { AWS_CONTAINER_CREDENTIALS_FULL_URI: url }),
    AWS_CONTAINER_AUTHORIZATION_TOKEN: env.AWS_CONTAINER_AUTHORIZATION_TOKEN, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE,
  };
  const f = await probeContainer({ env: only, deadlineMs: SDK_STEP_MS });
  if (!f?.step) return { ok: false, error: f?.tokenProblem ?? `the URL is not one the SDK calls (${f?.kind ?? 'unset'})` };
  if (f.step.status !== 'ok' || !f.credentials?.accessKeyId) return { ok: false, error: f.step.error ?? f.step.status };
  return { ok: true, accessKeyId: f.credentials.accessKeyId, ...(f.credentials.expiration ? { expiration: f.credentials.expiration } : {}) };
}

/** A credential_process the JS chain did not run: bounded like the chain's own runs; stdout's secrets registered. */
function processCredentials(command: string): Promise<Outcome> {
  return new Promise((resolve) => {
    exec(command, { timeout: PROCESS_TIMEOUT_MS, maxBuffer: 1024 * 1024, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      registerSecretsIn(String(stdout));
      registerSecretsIn(String(stderr));
      if (error) {
        const e = error as NodeJS.ErrnoException & { killed?: boolean };
        resolve({ ok: false, error: e.killed ? `killed after ${PROCESS_TIMEOUT_MS} ms` : `exit ${e.code ?? 'unknown'}` });
        return;
      }
      resolve(parseCredentials(String(stdout), ['SessionToken', 'SecretAccessKey'], 'no output'));
    });
  });
}

/**
 * One IMDS address a model wants, unless it is the default one on a host DMI says is not EC2 (the
 * rule every area follows: defaultImdsOffLimits): a model is told it is not there, without a request.
 */
async function imdsUnlessOffLimits(address: string, dmi: DmiHint): Promise<Outcome> {
  // A model's address is "host:port" of whatever URL it settled on (env, config file or default):
  // the same isDefault test as the imds and chain areas, so a configured http://169.254.169.254 is
  // the default address everywhere (only an --endpoint flag is "explicit").
  const off = defaultImdsOffLimits(dmi, { isDefault: isDefaultImdsUrl(`http://${address}`) });
  return off ? { ok: false, error: `${off}: not probed (off EC2 it can only time out)` } : imdsCredentials(address);
}

/**
 * Probes what the models want, each distinct source once, all at once; returns the World with the
 * answers. `dmi`: the run's DMI reading (the command's env object; world.env is a copy).
 */
export async function fillWanted(world: World, wanted: Wanted, dmi?: Promise<DmiHint>): Promise<World> {
  const filled: World = { ...world, imds: { ...world.imds }, containers: { ...world.containers }, processes: { ...world.processes } };
  const env = world.env as NodeJS.ProcessEnv;
  const hint = wanted.imds.size ? await (dmi ?? dmiHint(env)) : undefined;
  await Promise.all([
    ...[...wanted.imds].map(async (a) => { filled.imds[a] = await imdsUnlessOffLimits(a, hint!); }),
    ...[...wanted.containers].map(async (u) => { filled.containers[u] = await containerCredentials(u, env); }),
    ...[...wanted.processes].map(async (c) => { filled.processes[c] = await processCredentials(c); }),
  ]);
  return filled;
}
