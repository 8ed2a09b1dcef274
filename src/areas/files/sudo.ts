import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SudoFacts } from './facts.js';

/** Home directory of a user from /etc/passwd (no NSS: good enough for the sudo hint). */
async function passwdHome(user: string): Promise<string | undefined> {
  try {
    const text = await readFile('/etc/passwd', 'utf8');
    for (const line of text.split('\n')) {
      const fields = line.split(':');
      if (fields[0] === user) return fields[5];
    }
  } catch {
    // No passwd database (Windows, some containers): the hint just has less to say.
  }
  return undefined;
}

/** Under sudo, HOME may be root's or the invoking user's depending on sudoers: record both sides. */
export async function sudoFacts(env: NodeJS.ProcessEnv, homeDir: string): Promise<SudoFacts | undefined> {
  const user = env.SUDO_USER;
  if (!user || user === 'root') return undefined;
  const userHome = await passwdHome(user);
  let userHasAwsFiles = false;
  if (userHome && userHome !== homeDir) {
    for (const f of ['credentials', 'config']) {
      if (await stat(join(userHome, '.aws', f)).then(() => true, () => false)) userHasAwsFiles = true;
    }
  }
  const facts: SudoFacts = { user, userHasAwsFiles };
  if (env.SUDO_UID && /^\d+$/.test(env.SUDO_UID)) facts.uid = Number(env.SUDO_UID);
  if (userHome) facts.userHome = userHome;
  return facts;
}
