import type { Command } from 'commander';
import { chainCommand } from './chain.js';
import { clockCommand } from './clock.js';
import { doctorCommand } from './doctor.js';
import { explainCommand } from './explain.js';
import { fileCommand } from './file.js';
import { identityCommand } from './identity.js';
import { imdsCommand } from './imds.js';
import { preflightCommand } from './preflight.js';
import { watchCommand } from './watch.js';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: ReadonlyArray<() => Command> = [doctorCommand, watchCommand, preflightCommand, fileCommand, chainCommand, identityCommand, clockCommand, imdsCommand, explainCommand];
