import type { Command, Option } from 'commander';

/** What a shell needs to know about one command, read from its commander definition. */
export interface CommandModel {
  name: string;
  summary: string;
  options: OptionModel[];
}

export interface OptionModel {
  long?: string;
  short?: string;
  description: string;
  /** True when the option is followed by a value. */
  takesValue: boolean;
  /** Fixed values (commander's .choices()), when there are any. */
  choices?: string[];
  /** The value is a file path (its placeholder says <file>, <path> or <dir>). */
  path: boolean;
}

function optionModel(option: Option): OptionModel {
  return {
    ...(option.long && { long: option.long }),
    ...(option.short && { short: option.short }),
    description: option.description,
    takesValue: option.required || option.optional,
    ...(option.argChoices && { choices: option.argChoices }),
    path: /<(file|path|dir)>/.test(option.flags),
  };
}

/** The root (its own options: --help, --version) and each subcommand, as defined for commander. */
export function completionModel(program: Command): { root: CommandModel; commands: CommandModel[] } {
  const help: OptionModel = { long: '--help', short: '-h', description: 'display help', takesValue: false, path: false };
  const describe = (cmd: Command): CommandModel => ({ name: cmd.name(), summary: cmd.summary() || cmd.description().split('\n')[0]!, options: [...cmd.options.map(optionModel), help] });
  return { root: describe(program), commands: program.commands.filter((c) => c.name() !== 'help').map(describe) };
}
