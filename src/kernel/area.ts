import type { Facts } from './facts.js';
import type { CommonOptions } from './options.js';
import type { ProbeResult } from './probe.js';
import type { Style } from './style.js';
import type { SharedResolution } from '../sdk/shared-resolution.js';

export type AreaKey = 'files' | 'chain' | 'identity' | 'clock' | 'imds' | 'processes';

/** Every flag an area's probe may read: doctor passes its own, each single-area command its own. */
export interface AreaOptions extends CommonOptions {
  profile?: string;
  offline?: boolean;
  ssmRuntimeConfig?: string;
  /** doctor --pid: PIDs or process names. */
  pid?: Array<number | string>;
  /** doctor --processes: every process on the host that uses AWS credentials. */
  processes?: boolean;
  credentialsFile?: string;
  configFile?: string;
  region?: string;
  expectAccount?: string;
  expectArn?: string;
  server?: string[];
  stsEndpoint?: string;
  endpoint?: string;
}

/** What a probe gets: the options, the env, and a way to wait for another area's result. */
export interface AreaContext {
  opts: AreaOptions;
  env: NodeJS.ProcessEnv;
  /**
   * doctor runs every area under one tight budget; an area's own command runs it alone; preflight
   * runs several together as doctor does (skips, one shared resolution) but with the fixed waits
   * a CI gate states in its output ("did not finish within 4000 ms").
   */
  mode: 'doctor' | 'command' | 'preflight';
  /** Resolves with another area's probe result (e.g. chain reuses the files area's read). */
  await<T>(key: AreaKey): Promise<ProbeResult<T> | undefined>;
  /** Milliseconds left before the overall deadline. */
  remainingMs(): number;
  /** One credential resolution per run, shared by the chain and identity areas. */
  shared: SharedResolution;
}

/**
 * One area of the diagnosis, the one place that says how to run it: its command, deadlines,
 * probe, one-line summary (doctor), text body and JSON. Loaded on use through its entry
 * (src/kernel/area-entry.ts), which src/areas/index.ts lists.
 */
export interface AreaDefinition<O extends AreaOptions = AreaOptions> {
  key: AreaKey;
  /** Title in doctor's summary. */
  title: string;
  /**
   * How its own command runs, when it has one (its name, flags and help are in the area's entry.ts):
   * the progress label, the outer deadline, and checks of the flags before any I/O.
   */
  command?: { task: string; deadlineMs: number; validate?(opts: O): void };
  /** Deadline inside doctor. */
  deadlineMs: number;
  /** Areas the probe awaits; an area's own command runs them first. */
  needs?: readonly AreaKey[];
  /** A reason to skip this area in doctor (e.g. --offline), or undefined to run it. */
  skip?(ctx: AreaContext): string | undefined;
  probe(ctx: AreaContext): Promise<unknown>;
  /** doctor's one-line status. */
  summary(facts: Facts): string;
  /** The area's facts as they appear in doctor's --json (default: the probe result). */
  json?(result: ProbeResult<unknown>): unknown;
  /** Its own command's report: the JSON document's fields and the text body. */
  report?: {
    json(result: ProbeResult<unknown>): Record<string, unknown>;
    body(result: ProbeResult<unknown>, facts: Facts, style: Style): string[];
  };
}

/** Identity for typing: the area's options type checks its validate(). */
export function defineArea<O extends AreaOptions>(area: AreaDefinition<O>): AreaDefinition {
  return area as unknown as AreaDefinition;
}
