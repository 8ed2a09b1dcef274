import { Command } from 'commander';

export function completionCommand(): Command {
  return new Command('completion')
    .summary('print a shell completion script (bash, zsh or fish)')
    .description('Prints a completion script for your shell, generated from credcheck\'s own command definitions, so it always matches this version.')
    .addArgument(new Command().createArgument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'after',
      `
Examples:
  $ source <(credcheck completion bash)                      this shell only
  $ credcheck completion bash > ~/.local/share/bash-completion/completions/credcheck
  $ credcheck completion zsh > "\${fpath[1]}/_credcheck"
  $ credcheck completion fish > ~/.config/fish/completions/credcheck.fish

Exit codes:
  0  the script was printed
  2  unknown shell`,
    )
    .action(async (shell: 'bash' | 'zsh' | 'fish', _options: unknown, cmd: Command) => {
      const [{ completionModel }, shells, { writeOut }] = await Promise.all([import('./model.js'), import('./shells.js'), import('../../kernel/emit.js')]);
      await writeOut(shells[shell](completionModel(cmd.parent!)));
    });
}

