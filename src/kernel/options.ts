import { Option, type Command } from 'commander';
import type { Severity } from './finding.js';

/** Options every reporting command accepts; documented once in the README's "Output" section. */
export interface CommonOptions {
  json?: boolean;
  color?: boolean;
  failOn: Severity;
  debug?: boolean;
  showKeyIds?: boolean;
  verbose?: boolean;
}

export function addCommonOptions(cmd: Command): Command {
  return cmd
    .option('--json', 'print one JSON object (with schemaVersion) instead of text')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity')
        .choices(['error', 'warning', 'info'])
        .default('error'),
    )
    .option('--color', 'force colour even when not on a terminal')
    .option('--no-color', 'never use colour (NO_COLOR=1 does the same)')
    .option('--show-key-ids', 'print access key ids in full (they are masked by default: ASIA…WXYZ)')
    .option('-v, --verbose', 'print every fact gathered, not only the summary')
    .option('--debug', 'print stack traces of internal errors (secrets stay redacted)');
}

export const EXIT_CODES_HELP = `
Exit codes:
  0  no finding at or above --fail-on (default: error)
  1  at least one finding at or above --fail-on
  2  usage error, or credcheck itself could not run`;
