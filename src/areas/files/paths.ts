import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, isAbsolute, join } from 'node:path';
import type { PathCheck } from './facts.js';

async function check(path: string): Promise<Omit<PathCheck, 'path'>> {
  try {
    const s = await stat(path);
    const executable = await access(path, constants.X_OK).then(() => true, () => false);
    return { exists: true, isFile: s.isFile(), executable };
  } catch {
    return { exists: false, isFile: false, executable: false };
  }
}

/** A token file: must exist and be a regular file. "~/" is not expanded by the SDK for this key. */
export async function checkFile(path: string): Promise<PathCheck> {
  return { path, ...(await check(path)) };
}

/** credential_process runs through a shell, so a bare name is looked up on PATH. */
export async function checkExecutable(command: string, env: NodeJS.ProcessEnv): Promise<PathCheck> {
  if (command.includes('/') || isAbsolute(command)) return { path: command, ...(await check(command)) };
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, command);
    const result = await check(candidate);
    if (result.exists && result.isFile) return { path: command, ...result, resolvedTo: `found on PATH at ${candidate}` };
  }
  return { path: command, exists: false, isFile: false, executable: false, resolvedTo: 'not found on PATH' };
}
