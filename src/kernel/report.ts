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
}

export const SCHEMA_VERSION = 1;
