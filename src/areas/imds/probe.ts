import { maskKeyId } from '../../kernel/mask.js';
import { registerSecret } from '../../kernel/secrets.js';
import { resolveImdsConfig } from './config.js';
import { probeContainer } from './container.js';
import { defaultImdsOffLimits, dmiHint } from '../../sdk/ec2-host.js';
import type { DmiHint, ImdsConfig, ImdsFacts, ImdsStep } from './facts.js';
import { step, type StepResult } from './http.js';
import { imdsProxyFacts } from '../../sdk/proxy.js';

/** The SDK's IMDS timeout (RemoteProviderInit DEFAULT_TIMEOUT) and 0 retries. */
export const SDK_TIMEOUT_MS = 1000;
/** First contact: a little over the SDK's timeout, so "answers, but too slowly for the SDK" shows. */
export const FIRST_CONTACT_MS = 1200;
/**
 * First contact when DMI positively says "not EC2" and an endpoint was given anyway (an emulator, a
 * forwarded IMDS): whatever serves it off EC2 answers within milliseconds, and waiting the full
 * EC2 first contact would only make every healthy non-EC2 host slow.
 */
export const OFF_EC2_FIRST_CONTACT_MS = 250;
/** Later steps: the instance is known to answer, so allow more to measure slowness. */
export const LATER_STEP_MS = 2000;

const CREDS_PATH = '/latest/meta-data/iam/security-credentials/';

export interface ImdsProbeOptions {
  env?: NodeJS.ProcessEnv;
  /** --endpoint: overrides the SDK's resolution. */
  endpoint?: string;
  showKeyIds?: boolean;
}

function json(body: string | undefined): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(body ?? '');
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The default endpoint off EC2 is not contacted (defaultImdsOffLimits); an explicit one always is. */
export function skipReason(config: ImdsConfig, dmi: DmiHint, flagEndpoint?: string): string | undefined {
  const off = defaultImdsOffLimits(dmi, { isDefault: config.isDefaultEndpoint, explicit: Boolean(flagEndpoint) });
  return off && `${off}; set AWS_EC2_METADATA_SERVICE_ENDPOINT or pass --endpoint to probe anyway`;
}

/** Runs the IMDS conversation step by step; never throws for network trouble (it becomes a step). */
export async function probeImds(opts: ImdsProbeOptions = {}): Promise<ImdsFacts> {
  const env = opts.env ?? process.env;
  const [config, dmi, container] = await Promise.all([resolveImdsConfig(env, opts.endpoint), dmiHint(env), probeContainer({ env, showKeyIds: opts.showKeyIds })]);
  const host = (() => {
    try {
      return new URL(config.endpoint).hostname.replace(/^\[|\]$/g, '');
    } catch {
      return '169.254.169.254';
    }
  })();
  const facts: ImdsFacts = {
    config, dmi, reachable: false, imdsVersion: null, steps: [], sdkTimeoutMs: SDK_TIMEOUT_MS,
    ...(container ? { container } : {}),
  };
  const proxy = imdsProxyFacts(env);
  if (proxy) facts.proxy = proxy;
  if (config.problems.some((p) => p.includes('is not a URL'))) {
    facts.skipped = `the endpoint is not a URL: ${config.endpoint}`;
    return facts;
  }
  // With a container credentials URI the SDK never asks IMDS: neither does credcheck, unless told where.
  const skip = container && config.isDefaultEndpoint && !opts.endpoint
    ? 'a container credentials URI is set: the SDK never tries IMDS (set AWS_EC2_METADATA_SERVICE_ENDPOINT or pass --endpoint to probe it anyway)'
    : skipReason(config, dmi, opts.endpoint);
  if (skip) {
    facts.skipped = skip;
    return facts;
  }
  const base = config.endpoint;
  const add = (r: StepResult) => {
    facts.steps.push(r.step);
    return r;
  };

  // Token and a tokenless GET at once: together they tell v2 / v1-only / hop limit / nothing, in one deadline.
  const firstContactMs = dmi.verdict === 'not-ec2' ? OFF_EC2_FIRST_CONTACT_MS : FIRST_CONTACT_MS;
  const [tok, v1] = await Promise.all([
    step('token', base + '/latest/api/token', { method: 'PUT', headers: { 'x-aws-ec2-metadata-token-ttl-seconds': '21600' }, deadlineMs: firstContactMs }),
    step('v1-get', base + '/latest/dynamic/instance-identity/document', { deadlineMs: firstContactMs }),
  ]);
  add(tok);
  add(v1);
  const answered = (s: ImdsStep) => s.status === 'ok' || s.status === 'http-error';
  facts.reachable = answered(tok.step) || answered(v1.step);
  if (v1.step.httpStatus === 401) facts.tokensRequired = true;
  else if (v1.step.status === 'ok') facts.tokensRequired = false;
  if (!facts.reachable) return facts;

  const token = tok.step.status === 'ok' ? tok.body?.trim() : undefined;
  if (token) registerSecret(token);
  if (token) facts.imdsVersion = 'v2';
  else if (v1.step.status === 'ok') facts.imdsVersion = 'v1';
  else return facts;
  const headers: Record<string, string> = token ? { 'x-aws-ec2-metadata-token': token } : {};
  const get = (name: ImdsStep['name'], path: string) => step(name, base + path, { headers, deadlineMs: LATER_STEP_MS });

  const roleR = add(await get('role', CREDS_PATH));
  if (roleR.step.status === 'ok') {
    const role = (roleR.body ?? '').trim().split('\n')[0]?.trim();
    if (role) facts.role = role;
  }
  const [credR, infoR, idR] = await Promise.all([
    facts.role ? get('credentials', CREDS_PATH + facts.role) : Promise.resolve(undefined),
    get('iam-info', '/latest/meta-data/iam/info'),
    get('identity', '/latest/dynamic/instance-identity/document'),
  ]);
  if (credR) {
    add(credR);
    if (credR.step.status === 'ok') {
      const c = json(credR.body);
      if (!c) credR.step = Object.assign(credR.step, { status: 'invalid', error: 'the answer is not JSON' });
      else {
        registerSecret(str(c.SecretAccessKey));
        registerSecret(str(c.Token));
        facts.credentials = {
          ...(str(c.Code) ? { code: str(c.Code) } : {}),
          ...(str(c.Type) ? { type: str(c.Type) } : {}),
          ...(str(c.AccessKeyId) ? { accessKeyId: maskKeyId(str(c.AccessKeyId), opts.showKeyIds) } : {}),
          ...(str(c.LastUpdated) ? { lastUpdated: str(c.LastUpdated) } : {}),
          ...(str(c.Expiration) ? { expiration: str(c.Expiration) } : {}),
          ...(str(c.Message) ? { message: str(c.Message) } : {}),
          hasSecret: typeof c.SecretAccessKey === 'string',
          hasToken: typeof c.Token === 'string',
        };
      }
    }
  }
  add(infoR);
  add(idR);
  const info = infoR.step.status === 'ok' ? json(infoR.body) : undefined;
  const doc = idR.step.status === 'ok' ? json(idR.body) : undefined;
  if (info || doc) {
    facts.instance = {
      ...(str(doc?.region) ? { region: str(doc?.region) } : {}),
      ...(str(doc?.accountId) ? { accountId: str(doc?.accountId) } : {}),
      ...(str(doc?.instanceId) ? { instanceId: str(doc?.instanceId) } : {}),
      ...(str(info?.InstanceProfileArn) ? { instanceProfileArn: str(info?.InstanceProfileArn) } : {}),
    };
  }
  return facts;
}
