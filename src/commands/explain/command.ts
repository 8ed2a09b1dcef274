import { Command } from 'commander';

export function explainCommand(): Command {
  return new Command('explain')
    .summary('show the documentation page of a finding code')
    .description('Prints the page for a finding code (what it means, why, and how to fix it). Works offline: the pages ship with credcheck.')
    .argument('<code>', 'a finding code such as CC1001')
    .addHelpText('after', '\nExamples:\n  $ credcheck explain CC1001\n  $ credcheck explain cc2003\n\nExit codes:\n  0  the page was printed\n  2  no such code')
    .action(async (code: string) => {
      const { runExplain } = await import('./run.js');
      await runExplain(code);
    });
}
