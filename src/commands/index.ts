import type { Command } from 'commander';
import { clockCommand } from './clock.js';
import { explainCommand } from './explain.js';
import { fileCommand } from './file.js';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: ReadonlyArray<() => Command> = [fileCommand, clockCommand, explainCommand];
