import { appendFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { escapeData, escapeProperty } from '../render/github.js';

/**
 * GitHub's runner "file commands": outputs go to the file named by $GITHUB_OUTPUT, in the
 * name<<DELIMITER form so that any value (even one with newlines) is safe.
 */
export function setOutputs(env: NodeJS.ProcessEnv, outputs: Record<string, string>): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) throw new Error('GITHUB_OUTPUT is not set: is this running as a GitHub Action step?');
  let text = '';
  for (const [name, value] of Object.entries(outputs)) {
    const delimiter = `ghadelimiter_${randomUUID()}`;
    text += `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  }
  appendFileSync(file, text);
}

export function appendSummary(env: NodeJS.ProcessEnv, markdown: string): void {
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, markdown);
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
  file?: string;
  line?: number;
}

/** `::error file=…,line=…,title=…::message`: the properties GitHub shows beside the source line. */
export function annotation(a: Annotation): string {
  const props = [a.file && `file=${escapeProperty(a.file)}`, a.line !== undefined && `line=${a.line}`, `title=${escapeProperty(a.title)}`].filter(Boolean);
  return `::${a.level} ${props.join(',')}::${escapeData(a.message)}\n`;
}
