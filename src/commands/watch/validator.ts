import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { buildStsClient } from '../../sdk/sts/client.js';
import { classifyStsError } from '../../sdk/sts/errors.js';
import type { HeldCredentials } from './source.js';

/** A hard ceiling on any one GetCallerIdentity (the client's own timeouts are shorter). */
const CALL_DEADLINE_MS = 10_000;

export interface ValidationResult {
  ok: boolean;
  /** The STS error code or network kind, e.g. "InvalidClientTokenId", "refused". Never a secret. */
  detail?: string;
  /** Account of the caller on success (not a secret; shown in events). */
  account?: string;
}

/** One GetCallerIdentity with the keys a source holds. maxAttempts 1: watch retries on its own schedule. */
export async function validateOnce(creds: HeldCredentials, endpoint: string, region: string): Promise<ValidationResult> {
  const built = await buildStsClient({ region, endpoint, credentials: creds, maxAttempts: 1 });
  let timer: NodeJS.Timeout | undefined;
  try {
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${CALL_DEADLINE_MS} ms`), { code: 'ETIMEDOUT' })), CALL_DEADLINE_MS);
    });
    const out = await Promise.race([built.client.send(new GetCallerIdentityCommand({})), deadline]);
    return { ok: true, ...(out.Account ? { account: out.Account } : {}) };
  } catch (error) {
    const e = classifyStsError(error, built.proxyObservation);
    return { ok: false, detail: e.kind === 'sts' || e.kind === 'http' ? `${e.code ?? e.kind}` : `${e.kind}${e.code && e.code !== e.kind ? ` ${e.code}` : ''}` };
  } finally {
    if (timer) clearTimeout(timer);
    built.destroy();
  }
}

