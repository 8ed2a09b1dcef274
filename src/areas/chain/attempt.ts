import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { DeadlineExceeded, withDeadline } from '../../kernel/probe.js';
import { firstLineClipped } from '../../kernel/sanitize.js';
import { registerSecret } from '../../kernel/secrets.js';

export type Creds = AwsCredentialIdentity & { $source?: Record<string, string> };

export type Attempt =
  | { ok: true; creds: Creds; ms: number }
  | { ok: false; reason: string; tryNextLink: boolean; timedOut: boolean; ms: number };

/** First line of an SDK error, bounded; scrub() still runs on output as the last line of defence. */
export function reasonOf(error: unknown): string {
  const msg = (error as Error)?.message ?? String(error);
  return firstLineClipped(msg, 300) || 'unknown error';
}

/** Runs one SDK provider under a deadline and keeps what it threw, including tryNextLink. */
export async function attempt(label: string, ms: number, fn: () => Promise<Creds>): Promise<Attempt> {
  const start = performance.now();
  const took = () => Math.round(performance.now() - start);
  try {
    const creds = await withDeadline(fn(), ms, label);
    registerSecret(creds.secretAccessKey);
    registerSecret(creds.sessionToken);
    return { ok: true, creds, ms: took() };
  } catch (error) {
    if (error instanceof DeadlineExceeded) {
      return { ok: false, reason: `no answer within ${ms} ms`, tryNextLink: true, timedOut: true, ms: took() };
    }
    // The chain (internalCreateChain) moves on only when tryNextLink is truthy; anything else stops it.
    const tryNextLink = Boolean((error as { tryNextLink?: boolean })?.tryNextLink);
    return { ok: false, reason: reasonOf(error), tryNextLink, timedOut: false, ms: took() };
  }
}
