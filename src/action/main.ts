import { spawnSync } from 'node:child_process';
import { writeErr, writeOut } from '../kernel/output.js';
import { preflightArgs, readInputs } from './inputs.js';
import { findingAnnotations, missingIdTokenPermission, stepOutputs, type PreflightDocument } from './outputs.js';
import { annotation, appendSummary, setOutputs } from './runner.js';

/** Set in the child: the same bundle then runs as the credcheck CLI. */
export const CLI_ROLE = 'CREDCHECK_ACTION_ROLE';

/**
 * The GitHub Action: runs `credcheck preflight --json` (this very bundle, as the CLI, in a child
 * process, so the CLI's exit handling stays its own), then speaks the runner's protocol: outputs,
 * annotations with file/line, the step summary (which preflight itself appends), the exit code.
 */
export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let args: string[];
  try {
    args = preflightArgs(readInputs(env));
  } catch (error) {
    await writeOut(annotation({ level: 'error', title: 'credcheck', message: (error as Error).message }), 'github-commands');
    return 2;
  }
  const child = spawnSync(process.execPath, [process.argv[1]!, ...args], {
    env: { ...env, [CLI_ROLE]: 'cli', GITHUB_ACTIONS: 'true' },
    encoding: 'utf8',
    maxBuffer: 16 << 20,
    timeout: 120_000,
  });
  if (child.stderr) await writeErr(child.stderr);
  let doc: PreflightDocument;
  try {
    doc = JSON.parse(child.stdout) as PreflightDocument;
  } catch {
    await writeOut(annotation({ level: 'error', title: 'credcheck', message: `credcheck preflight exited ${child.status ?? child.signal} without a report` }), 'github-commands');
    return child.status ?? 2;
  }
  setOutputs(env, stepOutputs(doc, new Date()));
  const lines = doc.checks.map((c) => `${c.status.toUpperCase().padEnd(4)} ${c.name}: ${c.reason}`);
  const extra = missingIdTokenPermission(doc, env);
  const annotations = [...findingAnnotations(doc.findings), ...(extra ? [extra] : [])];
  await writeOut(`${lines.join('\n')}\n`);
  // The annotations are the Action's own workflow commands (data escaped): the one format that keeps them.
  await writeOut(annotations.map(annotation).join(''), 'github-commands');
  if (extra) appendSummary(env, `> **${extra.title}**: ${extra.message}\n\n`);
  return child.status ?? 2;
}
