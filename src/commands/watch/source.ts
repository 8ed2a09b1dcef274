/**
 * What every watched source hands the tracker. A key observation carries the credentials in memory
 * only (for --validate); they are registered with the scrubber and never printed or written.
 */
export interface HeldCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface KeyObservation {
  ok: true;
  keyId: string;
  secretHash: string;
  expiration?: string;
  credentials?: HeldCredentials;
}

export interface BrokenObservation {
  ok: false;
  detail: string;
}

export type Observation = KeyObservation | BrokenObservation;

/** Metric label values stay bounded: a kind from this list and a configured name, never a key id or pid. */
export type SourceKind = 'file' | 'imds' | 'container' | 'process';

export interface Source {
  kind: SourceKind;
  /** Bounded label: the profile, role endpoint name or process name. */
  name: string;
  /** Shown in events: "file:/path", "imds:http://…", "container:http://…", "process:name". */
  where: string;
  /** The event a failure raises ("file-unreadable" for files, "unreachable" for endpoints, "process-gone"). */
  failEvent: 'file-unreadable' | 'unreachable' | 'process-gone';
  start(onObservation: (o: Observation) => void): void;
  stop(): void;
}
