import type { Command } from 'commander';
import { explainCommand } from './explain.js';
import { fileCommand } from './file.js';
import { chainCommand } from './chain.js';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: ReadonlyArray<() => Command> = [fileCommand, chainCommand, explainCommand];
