import { Command } from 'commander';
import type { AreaCommandSpec, AreaEntry } from '../kernel/area-entry.js';
import type { AreaOptions } from '../kernel/area.js';
import { addCommonOptions, EXIT_CODES_HELP } from '../kernel/options.js';

/**
 * A single-area command (file, chain, identity, clock, imds) made from its entry: the area's flags,
 * the common ones, its help and the exit codes. The runner and the area's definition are imported
 * only when the command runs, so --help stays fast and loads no AWS SDK.
 */
export function areaCommand(entry: AreaEntry & { command: AreaCommandSpec }): Command {
  const spec = entry.command;
  const cmd = new Command(spec.name).summary(spec.summary).description(spec.description);
  for (const option of spec.options) cmd.addOption(option);
  const { help } = spec;
  addCommonOptions(cmd);
  if (typeof help === 'string') cmd.addHelpText('after', `${help}${EXIT_CODES_HELP}`);
  else cmd.addHelpText('after', () => `${help()}${EXIT_CODES_HELP}`);
  return cmd.action(async (raw: Record<string, unknown>) => {
    const opts = spec.parse ? await spec.parse(raw, cmd) : (raw as unknown as AreaOptions);
    const [{ runAreaCommand }, area] = await Promise.all([import('./runner.js'), entry.load()]);
    await runAreaCommand(area, opts, spec.name);
  });
}
