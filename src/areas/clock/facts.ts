/** Facts gathered by the clock probe. Sign everywhere: offsetMs = local clock − reference (positive = local ahead). */
export type ReferenceKind = 'ntp' | 'aws-date' | 'daemon';

/** Why a reference gave no usable time. */
export type ReferenceErrorKind = 'timeout' | 'dns' | 'unsynchronised' | 'kiss-of-death' | 'http' | 'unavailable' | 'bad-response';

export interface ClockReference {
  name: string;
  kind: ReferenceKind;
  /** host:port for NTP, URL for aws-date, program for daemon. */
  server: string;
  offsetMs?: number;
  /** Round trip of the best sample (NTP, aws-date); the daemon's own root delay when it says. */
  delayMs?: number;
  /** ± bound on offsetMs: half the best round trip for NTP, the interval half-width for aws-date. */
  uncertaintyMs?: number;
  stratum?: number;
  leap?: number;
  /** Kiss-o'-death code (RATE, DENY, RSTR, …) when the server sent one. */
  kissCode?: string;
  samples?: number;
  /** Daemon only: whether it says the clock is synchronised. */
  synchronised?: boolean;
  error?: { kind: ReferenceErrorKind; message: string };
}

export interface ClockFacts {
  /** Best estimate (lowest-uncertainty NTP answer, else aws-date), local − reference. */
  offsetMs?: number;
  uncertaintyMs?: number;
  /** Which reference the estimate comes from. */
  basis?: string;
  references: ClockReference[];
  /** NTP servers asked, and whether every one of them stayed silent (timeout). */
  ntpServers: string[];
  ntpAllSilent: boolean;
  stsEndpoint?: string;
  onEc2: boolean;
}
