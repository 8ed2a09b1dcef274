import type { Command, Option } from 'commander';
import type { AreaDefinition, AreaKey, AreaOptions } from './area.js';

/**
 * An area's own command as the CLI shows it: name, help and flags. Plain data over commander's
 * Option, so `--help` and `--version` load nothing but commander (src/areas/command.ts builds it).
 */
export interface AreaCommandSpec {
  /** `credcheck <name>`. */
  name: string;
  summary: string;
  description: string;
  /** The area's own flags, in --help order; the common ones (--json, --fail-on, …) follow them. */
  options: Option[];
  /** Help after the flags (notes, examples) up to the exit codes, which follow; a function runs at --help time. */
  help: string | (() => string);
  /** commander's values → the area's options, where a flag needs more than its argParser (chain --sdk). */
  parse?(raw: Record<string, unknown>, cmd: Command): Promise<AreaOptions>;
}

/**
 * One area as the CLI knows it before anything heavy loads: its key, its command when it has one,
 * and a loader for its definition (probe, renderers; the AWS SDK behind them). src/areas/index.ts
 * lists them: a new area is its folder and one line there.
 */
export interface AreaEntry {
  key: AreaKey;
  command?: AreaCommandSpec;
  load(): Promise<AreaDefinition>;
}
