/**
 * RFC 5905 on-wire arithmetic. T1 client send, T2 server receive, T3 server send, T4 client receive
 * (all ms). θ = ((T2−T1)+(T3−T4))/2 is server − client; we report local − reference, so −θ.
 * ntp-time-sync's own aggregate uses |T2−T1| and |T3−T4| with one sign, which is wrong whenever the
 * offset is smaller than the one-way delay (field-notes §6), hence this file.
 */
export interface NtpTimestamps {
  t1: number;
  t2: number;
  t3: number;
  t4: number;
}

export interface NtpSample {
  /** local − server, ms. */
  offsetMs: number;
  /** Round trip minus server hold time, ms (never negative). */
  delayMs: number;
}

export function sampleOf({ t1, t2, t3, t4 }: NtpTimestamps): NtpSample {
  const theta = (t2 - t1 + (t3 - t4)) / 2;
  const delta = t4 - t1 - (t3 - t2);
  return { offsetMs: -theta, delayMs: Math.max(0, delta) };
}

/** The ntp-time-sync formula, kept only so tests can show where it goes wrong. */
export function naiveOffset({ t1, t2, t3, t4 }: NtpTimestamps): number {
  const sign = t3 > t4 ? 1 : -1;
  return ((Math.abs(t2 - t1) + Math.abs(t3 - t4)) / 2) * sign;
}

/**
 * Clock filter, simplified: the lowest-delay sample has the least room for asymmetry, so it is the
 * estimate; its uncertainty is half its round trip (the offset error is bounded by δ/2).
 */
export function bestSample(samples: NtpSample[]): (NtpSample & { uncertaintyMs: number }) | undefined {
  if (samples.length === 0) return undefined;
  const best = [...samples].sort((a, b) => a.delayMs - b.delayMs)[0]!;
  return { ...best, uncertaintyMs: best.delayMs / 2 };
}
