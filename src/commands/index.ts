import type { Command } from 'commander';
import { explainCommand } from './explain.js';
import { fileCommand } from './file.js';
import { identityCommand } from './identity.js';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: ReadonlyArray<() => Command> = [fileCommand, identityCommand, explainCommand];
