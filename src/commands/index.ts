import type { Command } from 'commander';
import { explainCommand } from './explain.js';
import { fileCommand } from './file.js';
import { imdsCommand } from './imds.js';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: ReadonlyArray<() => Command> = [fileCommand, imdsCommand, explainCommand];
