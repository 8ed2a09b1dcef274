import type { DoctorOptions } from './command.js';
import type { Facts } from '../../kernel/facts.js';
import type { ProbeResult } from '../../kernel/probe.js';
import type { AreaKey } from './areas.js';
import type { SharedResolution } from '../../sdk/shared-resolution.js';

/** What a probe gets: the options, the env, and a way to wait for another area's result. */
export interface DoctorContext {
  opts: DoctorOptions;
  env: NodeJS.ProcessEnv;
  /** Resolves with another area's probe result (e.g. identity waits for chain's credentials). */
  await<T>(key: AreaKey): Promise<ProbeResult<T> | undefined>;
  /** Milliseconds left before the overall deadline. */
  remainingMs(): number;
  /** One credential resolution per run, shared by the chain and identity areas. */
  shared: SharedResolution;
}

/** One area of the diagnosis: how to probe it, within what deadline, and how to sum it up. */
export interface AreaPlugin {
  key: AreaKey;
  title: string;
  deadlineMs: number;
  /** A reason to skip this area (e.g. --offline), or undefined to run it. */
  skip?(ctx: DoctorContext): string | undefined;
  probe(ctx: DoctorContext): Promise<unknown>;
  summarise(facts: Facts): string;
  /** The area's facts as they appear in doctor's --json. */
  json?(result: ProbeResult<unknown>): unknown;
}
