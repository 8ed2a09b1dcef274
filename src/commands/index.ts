import type { Command } from 'commander';
import { AREA_ENTRIES } from '../areas/index.js';
import { areaCommand } from '../areas/command.js';
import { completionCommand } from './completion/command.js';
import { doctorCommand } from './doctor/command.js';
import { explainCommand } from './explain/command.js';
import { preflightCommand } from './preflight/command.js';
import { watchCommand } from './watch/command.js';

/** Each area's own command (file, chain, identity, clock, imds), made from its entry. */
const AREA_COMMANDS = AREA_ENTRIES.flatMap((entry) => (entry.command ? [() => areaCommand({ ...entry, command: entry.command! })] : []));

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: ReadonlyArray<() => Command> = [doctorCommand, watchCommand, preflightCommand, ...AREA_COMMANDS, explainCommand, completionCommand];
