import type { Finding } from './finding.js';
import type { Style } from './style.js';

/**
 * What a command hands to the renderers. `json` holds the command's facts as they appear at the
 * top level of --json output; `body` draws the same facts for people.
 */
export interface Report {
  command: string;
  json: Record<string, unknown>;
  findings: Finding[];
  body(style: Style): string[];
  /** Text shows info findings only with --verbose (doctor: one screen for the things to do). */
  infoOnlyWhenVerbose?: boolean;
  /** Findings shown first whatever their severity (doctor --pid: the processes asked about). */
  lead?: (f: Finding) => boolean;
  /** Which parts of the diagnosis ran: an unchecked part is not a healthy one (doctor's areas). */
  coverage?: Coverage;
}

/** A part of the diagnosis that did not run, and why. */
export interface Gap {
  area: string;
  why: string;
}

export interface Coverage {
  /** Parts that were meant to run (skipped-on-request ones included; not-applicable ones not). */
  total: number;
  /** Could not be checked (deadline, crash): the verdict says so and the exit code is 1. */
  notChecked: Gap[];
  /** Left out because the user asked (--offline): said in the verdict, not a failure. */
  skippedOnRequest: Gap[];
}

export const SCHEMA_VERSION = 1;
