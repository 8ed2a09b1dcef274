/**
 * A probe gathers facts and nothing else. "Could not check" is a fact too, so a probe never
 * throws to its caller: it returns ok, unavailable (with the reason) or crashed (with the error).
 */
export type ProbeResult<T> =
  | { status: 'ok'; ms: number; value: T }
  | { status: 'unavailable'; ms: number; reason: string }
  | { status: 'crashed'; ms: number; error: string };

/** Thrown by a probe to say "could not check, and here is why" (not a bug). */
export class Unavailable extends Error {}

export class DeadlineExceeded extends Error {
  constructor(readonly label: string, readonly ms: number) {
    super(`${label} did not finish within ${Math.round(ms)} ms`);
  }
}

/** Rejects after `ms` unless the promise settles first. The timer never keeps the process alive. */
export function withDeadline<T>(promise: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded(label, ms)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function runProbe<T>(label: string, deadlineMs: number, fn: () => Promise<T>): Promise<ProbeResult<T>> {
  const start = performance.now();
  const ms = () => Math.round(performance.now() - start);
  try {
    const value = await withDeadline(fn(), deadlineMs, label);
    return { status: 'ok', ms: ms(), value };
  } catch (error) {
    if (error instanceof Unavailable || error instanceof DeadlineExceeded) {
      return { status: 'unavailable', ms: ms(), reason: error.message };
    }
    return { status: 'crashed', ms: ms(), error: (error as Error)?.message ?? String(error) };
  }
}

export function okValue<T>(result: ProbeResult<T> | undefined): T | undefined {
  return result?.status === 'ok' ? result.value : undefined;
}
