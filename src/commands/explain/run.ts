import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../../kernel/package-root.js';
import { writeOut } from '../../kernel/emit.js';
import { UsageError } from '../../kernel/errors.js';
import { embeddedFile, isSingleExecutable } from '../../kernel/embedded.js';

export async function runExplain(code: string): Promise<void> {
  const normalized = code.trim().toUpperCase();
  if (!/^CC\d{4}$/.test(normalized)) throw new UsageError(`"${code}" is not a finding code (they look like CC1001)`);
  const text = isSingleExecutable() ? embeddedFile(`docs/findings/${normalized}.md`) : await readPage(normalized);
  if (text === undefined) throw new UsageError(`no finding ${normalized}; the index is in the README ("Finding codes")`);
  await writeOut(text.endsWith('\n') ? text : `${text}\n`);
}

async function readPage(code: string): Promise<string | undefined> {
  try {
    return await readFile(join(packageRoot(), 'docs', 'findings', `${code}.md`), 'utf8');
  } catch {
    return undefined;
  }
}
