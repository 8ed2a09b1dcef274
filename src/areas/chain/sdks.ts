/**
 * `chain --sdk`: what every modelled SDK would resolve on this machine. One World is built from
 * what credcheck already observed (the files' text, the JS chain's network answers), and each
 * pure model answers from it. A source the JS chain did not try but another SDK needs (IMDS,
 * a container URL, a credential_process) is probed once, shared by every model (world-probe.ts).
 */
import { accessSync, constants } from 'node:fs';
import { readSafely } from '../files/read.js';
import type { FileFacts } from '../files/facts.js';
import { maskKeyId } from '../../kernel/mask.js';
import { SDKS } from '../../sdk/models/catalog.js';
import { imdsAddress } from '../../sdk/models/common.js';
import { jsImdsEndpoint } from '../../sdk/models/js.js';
import type { Outcome, Resolution, SdkAnswer, SdkModel, World } from '../../sdk/models/world.js';
import type { ChainFacts } from './facts.js';
import { fillWanted, NOT_CHECKED, wantedBy } from './world-probe.js';
import { dmiHint } from '../../sdk/ec2-host.js';

function linkOutcome(chain: ChainFacts, source: 'imds' | 'container'): Outcome {
  const l = chain.links.find((x) => x.source === source);
  if (!l) return NOT_CHECKED;
  if ((l.status === 'active' || l.status === 'shadowed') && l.accessKeyId) return { ok: true, accessKeyId: l.accessKeyId, expiration: l.status === 'active' ? chain.active?.expiration ?? undefined : undefined };
  if (l.status === 'failed') return { ok: false, error: l.reason ?? 'failed' };
  return NOT_CHECKED;
}

/** The World as observed: files read with credcheck's bounded reader, network answers from the JS chain. */
export async function observeWorld(env: NodeJS.ProcessEnv, files: FileFacts, chain: ChainFacts, profile?: string): Promise<World> {
  const text: Record<string, string> = {};
  for (const f of [files.credentials, files.config]) {
    const r = await readSafely(f.path);
    if (r.status === 'ok' || r.status === 'empty') text[f.path] = r.text ?? '';
  }
  // Token files: only whether they can be read (their content is a secret the models never need).
  const tokens = new Set<string>([env.AWS_WEB_IDENTITY_TOKEN_FILE ?? '', ...files.profiles.flatMap((p) => (p.webIdentityTokenFile ? [p.webIdentityTokenFile] : []))]);
  for (const t of tokens) {
    if (!t || t in text) continue;
    try { accessSync(t, constants.R_OK); text[t] = ''; } catch { /* unreadable: absent */ }
  }
  const processes: World['processes'] = {};
  const ini = chain.links.find((l) => l.source === 'ini' && l.kind === 'process');
  const proc = ini?.profile ? files.profiles.find((p) => p.name === ini.profile)?.credentialProcess : undefined;
  if (ini && proc) processes[proc] = ini.accessKeyId && (ini.status === 'active' || ini.status === 'shadowed') ? { ok: true, accessKeyId: ini.accessKeyId } : { ok: false, error: ini.reason ?? 'failed' };
  const containers: World['containers'] = {};
  const containerUrl = env.AWS_CONTAINER_CREDENTIALS_FULL_URI || (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI ? `http://169.254.170.2${env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI}` : undefined);
  if (containerUrl) containers[containerUrl] = linkOutcome(chain, 'container');
  const world: World = { env: { ...env }, home: files.home.dir, files: text, processes, ...(profile ? { profile } : {}), imds: {}, containers };
  // The JS chain asked the IMDS its SDK resolves (env, else the AWS_PROFILE/default profile's
  // ec2_metadata_service_endpoint): file its answer under the address the JS model names, so a model
  // that settles elsewhere (another profile's setting) is probed, not handed the JS answer.
  world.imds[imdsAddress(jsImdsEndpoint(world))] = chain.offline ? { ok: false, error: 'not checked (--offline)' } : linkOutcome(chain, 'imds');
  return world;
}

/** Network answers reach the World already masked (the chain's links, world-probe.ts): mask the rest, never twice. */
const masked = (id: string | undefined) => (id !== undefined && /^[A-Z0-9]{4}…[A-Z0-9]{4}$/.test(id) ? id : maskKeyId(id));

const same = (a: Resolution, b: Resolution) => a.ok === b.ok && (!a.ok || (a.source === b.source && (a.viaSts ?? a.accessKeyId) === (b.viaSts ?? b.accessKeyId)));

/** Pure: every asked SDK's answer from one World, with who disagrees with whom. */
export function answerSdks(world: World, asked: SdkModel['sdk'][]): SdkAnswer[] {
  const infos = SDKS.filter((s) => asked.includes(s.sdk));
  const results = infos.map((s) => s.model.resolve(world));
  return infos.map((s, i) => {
    const r = results[i];
    return {
      sdk: s.sdk, version: s.version, verifiedBy: s.verifiedBy, refresh: s.refresh,
      active: r.ok ? { source: r.source!, profile: r.profile, accessKeyId: masked(r.accessKeyId), viaSts: r.viaSts, expiration: r.expiration } : null,
      error: r.ok ? undefined : r.error,
      differsFrom: infos.filter((_, j) => j !== i && !same(r, results[j])).map((o) => o.sdk),
      links: r.links,
    };
  });
}

/** The `sdks` facts for `credcheck chain`: Node always computed (others differ from it), shown when asked. */
export async function answerForCommand(env: NodeJS.ProcessEnv, files: FileFacts, chain: ChainFacts, asked: string[] | undefined, profile?: string): Promise<Pick<ChainFacts, 'sdks' | 'sdkAsked'>> {
  const { SDK_NAMES } = await import('../../sdk/models/catalog.js');
  const sdks = asked ? [...new Set<SdkModel['sdk']>(['js', ...asked.flatMap((n) => SDK_NAMES[n])])] : SDK_NAMES.all;
  const observed = await observeWorld(env, files, chain, profile);
  const models = SDKS.filter((s) => sdks.includes(s.sdk)).map((s) => s.model);
  const wanted = wantedBy(observed, models, { offline: chain.offline, runProcesses: asked !== undefined });
  const answers = answerSdks(await fillWanted(observed, wanted, dmiHint(env)), sdks);
  const showJs = !asked || asked.some((n) => ['js', 'node', 'all'].includes(n));
  return { sdks: answers.filter((a) => showJs || a.sdk !== 'js'), ...(asked ? { sdkAsked: asked } : {}) };
}

/** One line per answer, for the text report. */
export function describeAnswer(a: SdkAnswer, label: string): string {
  if (!a.active) {
    const stop = a.links.find((l) => l.status === 'stop');
    return `${label}: no credentials — ${a.error}${stop ? ` at ${stop.link}: ${stop.why}` : ''}`;
  }
  const who = a.active.viaSts ? `role ${a.active.viaSts} via STS` : a.active.accessKeyId ?? '';
  return `${label}: ${a.active.source}${a.active.profile ? ` profile ${a.active.profile}` : ''} ${who}`.trimEnd();
}
