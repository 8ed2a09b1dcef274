import { createHash } from 'node:crypto';
import { registerRotatingSecrets } from '../../kernel/secrets.js';
import { step } from '../../areas/imds/http.js';
import type { Observation, Source, SourceKind } from './source.js';

/** The IMDS token TTL we ask for (the SDK asks 21600 s); re-fetched a minute before it ends. */
const TOKEN_TTL_S = 21600;
/** Per-request deadline: the SDK gives IMDS 1 s; a loaded host deserves a little more. */
const DEADLINE_MS = 2000;
/** Back-off after 429/throttling or failure, doubling up to this ceiling (never hammer IMDS). */
const MAX_BACKOFF_MS = 5 * 60_000;

const CREDS_PATH = '/latest/meta-data/iam/security-credentials/';

/** Parses the JSON both IMDS and container endpoints answer with; the secret survives only in memory. */
export function credentialObservation(body: string | undefined, slot: string): Observation {
  let j: Record<string, unknown>;
  try {
    j = JSON.parse(body ?? '') as Record<string, unknown>;
    if (!j || typeof j !== 'object') throw new Error('not an object');
  } catch {
    return { ok: false, detail: 'the answer is not JSON' };
  }
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const code = str(j.Code);
  if (code && code !== 'Success') return { ok: false, detail: `Code ${code}` };
  const keyId = str(j.AccessKeyId);
  const secret = str(j.SecretAccessKey);
  const token = str(j.Token);
  if (!keyId || !secret) return { ok: false, detail: 'no AccessKeyId/SecretAccessKey in the answer' };
  registerRotatingSecrets(slot, [secret, token], 3);
  const expiration = str(j.Expiration);
  return {
    ok: true,
    keyId,
    secretHash: createHash('sha256').update(secret).digest('hex'),
    ...(expiration ? { expiration } : {}),
    credentials: { accessKeyId: keyId, secretAccessKey: secret, ...(token ? { sessionToken: token } : {}) },
  };
}

/**
 * Polls an HTTP credentials endpoint at a fixed cadence (one credentials GET per interval, plus an
 * IMDSv2 token every six hours), backing off on failure: within IMDS's per-instance rate limits.
 */
abstract class PollingSource implements Source {
  abstract kind: SourceKind;
  abstract name: string;
  abstract where: string;
  readonly failEvent = 'unreachable' as const;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private backoffMs = 0;
  /** Requests made (the soak and the rate-limit test read it). */
  requests = 0;

  constructor(protected readonly intervalMs: number) {}

  protected abstract fetchOnce(): Promise<Observation & { throttled?: boolean }>;

  start(onObservation: (o: Observation) => void): void {
    const run = async () => {
      if (this.stopped) return;
      const o = await this.fetchOnce();
      if (this.stopped) return;
      if (o.ok) this.backoffMs = 0;
      else this.backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(this.intervalMs, this.backoffMs * 2 || this.intervalMs));
      onObservation(o);
      // Success: the configured cadence. Failure: doubled each time (throttling included).
      this.timer = setTimeout(() => void run(), o.ok ? this.intervalMs : this.backoffMs);
    };
    void run();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}

export class ImdsSource extends PollingSource {
  readonly kind = 'imds' as const;
  readonly where: string;
  name = 'instance-profile';
  private token: { value: string; until: number } | undefined;
  private v1 = false;

  constructor(private readonly endpoint: string, intervalMs: number) {
    super(intervalMs);
    this.where = `imds:${endpoint}`;
  }

  private async headers(): Promise<Record<string, string> | { error: string }> {
    if (this.v1) return {};
    if (this.token && Date.now() < this.token.until) return { 'x-aws-ec2-metadata-token': this.token.value };
    this.requests++;
    const r = await step('token', this.endpoint + '/latest/api/token', { method: 'PUT', headers: { 'x-aws-ec2-metadata-token-ttl-seconds': String(TOKEN_TTL_S) }, deadlineMs: DEADLINE_MS });
    if (r.step.status === 'ok' && r.body) {
      const value = r.body.trim();
      registerRotatingSecrets(`watch:imds-token:${this.endpoint}`, [value], 2);
      this.token = { value, until: Date.now() + (TOKEN_TTL_S - 60) * 1000 };
      return { 'x-aws-ec2-metadata-token': value };
    }
    // 403/404/405 on the token PUT: an IMDSv1-only instance (the SDK falls back the same way).
    if (r.step.status === 'http-error' && [403, 404, 405].includes(r.step.httpStatus ?? 0)) {
      this.v1 = true;
      return {};
    }
    return { error: `token: ${r.step.error ?? r.step.status}` };
  }

  protected async fetchOnce(): Promise<Observation & { throttled?: boolean }> {
    const headers = await this.headers();
    if ('error' in headers) return { ok: false, detail: String(headers.error) };
    this.requests++;
    const role = await step('role', this.endpoint + CREDS_PATH, { headers, deadlineMs: DEADLINE_MS });
    if (role.step.httpStatus === 401) this.token = undefined;
    if (role.step.status !== 'ok') return { ok: false, detail: `role: ${role.step.error ?? role.step.status}`, throttled: role.step.httpStatus === 429 };
    const name = (role.body ?? '').trim().split('\n')[0]?.trim();
    if (!name) return { ok: false, detail: 'no instance profile role' };
    this.name = name;
    this.requests++;
    const cred = await step('credentials', this.endpoint + CREDS_PATH + name, { headers, deadlineMs: DEADLINE_MS });
    if (cred.step.status !== 'ok') return { ok: false, detail: `credentials: ${cred.step.error ?? cred.step.status}`, throttled: cred.step.httpStatus === 429 };
    return credentialObservation(cred.body, `watch:imds:${this.endpoint}`);
  }
}

export class ContainerSource extends PollingSource {
  readonly kind = 'container' as const;
  readonly name: string;
  readonly where: string;

  constructor(private readonly url: string, private readonly authToken: () => Promise<string | undefined>, intervalMs: number) {
    super(intervalMs);
    this.where = `container:${url}`;
    this.name = new URL(url).pathname;
  }

  protected async fetchOnce(): Promise<Observation> {
    let token: string | undefined;
    try {
      token = await this.authToken();
    } catch (error) {
      return { ok: false, detail: `authorization token: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
    }
    this.requests++;
    const r = await step('credentials', this.url, { headers: token ? { Authorization: token } : {}, deadlineMs: DEADLINE_MS });
    if (r.step.status !== 'ok') return { ok: false, detail: r.step.error ?? r.step.status };
    return credentialObservation(r.body, `watch:container:${this.url}`);
  }
}
