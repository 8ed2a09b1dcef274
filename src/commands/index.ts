import type { Command } from 'commander';
import { chainCommand } from '../areas/chain/command.js';
import { clockCommand } from '../areas/clock/command.js';
import { completionCommand } from './completion/command.js';
import { doctorCommand } from './doctor/command.js';
import { explainCommand } from './explain/command.js';
import { fileCommand } from '../areas/files/command.js';
import { identityCommand } from '../areas/identity/command.js';
import { imdsCommand } from '../areas/imds/command.js';
import { preflightCommand } from './preflight/command.js';
import { watchCommand } from './watch/command.js';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: ReadonlyArray<() => Command> = [doctorCommand, watchCommand, preflightCommand, fileCommand, chainCommand, identityCommand, clockCommand, imdsCommand, explainCommand, completionCommand];
