import { mkdirSync, mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throw-away HOME with optional ~/.aws files; returns its path. */
export function makeHome(files: { credentials?: string; config?: string } = {}, mode = 0o600): string {
  const home = mkdtempSync(join(tmpdir(), 'credcheck-home-'));
  mkdirSync(join(home, '.aws'));
  for (const [name, text] of Object.entries(files)) {
    if (text === undefined) continue;
    const path = join(home, '.aws', name);
    writeFileSync(path, text);
    chmodSync(path, mode);
  }
  return home;
}

/** Distinctive secret values: tests assert none of them ever appears in any output. */
export const CANARY = {
  secret: 'CANARYsecretKEY0000000000000000000000001',
  token: 'CANARYsessionTOKEN00000000000000000000000000000002',
  secret2: 'CANARYsecretKEY0000000000000000000000003',
  token2: 'CANARYsessionTOKEN00000000000000000000000000000004',
};

export function assertNoSecrets(text: string, secrets: string[] = Object.values(CANARY)): void {
  for (const s of secrets) {
    for (const form of [s, Buffer.from(s).toString('base64').replace(/=+$/, ''), encodeURIComponent(s)]) {
      if (text.includes(form)) throw new Error(`a secret leaked into output: ${form.slice(0, 10)}…`);
    }
  }
}
