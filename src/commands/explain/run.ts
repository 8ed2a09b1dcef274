import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../../kernel/package-root.js';
import { writeOut } from '../../kernel/emit.js';
import { UsageError } from '../../kernel/errors.js';

export async function runExplain(code: string): Promise<void> {
  const normalized = code.trim().toUpperCase();
  if (!/^CC\d{4}$/.test(normalized)) throw new UsageError(`"${code}" is not a finding code (they look like CC1001)`);
  const page = join(packageRoot(), 'docs', 'findings', `${normalized}.md`);
  let text: string;
  try {
    text = await readFile(page, 'utf8');
  } catch {
    throw new UsageError(`no finding ${normalized}; the index is in the README ("Finding codes")`);
  }
  await writeOut(text.endsWith('\n') ? text : `${text}\n`);
}
