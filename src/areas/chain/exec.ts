import { exec } from 'node:child_process';
import { externalDataInterceptor } from '@smithy/shared-ini-file-loader';
import { firstLineClipped } from '../../kernel/sanitize.js';
import { registerSecret, registerSecretsIn } from '../../kernel/secrets.js';

/** A credential_process that never exits must not hang credcheck (the SDK's exec has no timeout). */
export const PROCESS_TIMEOUT_MS = 3000;

/** Registers every secret a credential_process printed, whether or not the SDK accepts it. */
function registerStdoutSecrets(stdout: string): void {
  try {
    const data = JSON.parse(stdout.trim()) as Record<string, unknown>;
    for (const k of ['SecretAccessKey', 'SessionToken']) if (typeof data[k] === 'string') registerSecret(data[k] as string);
  } catch {
    // not JSON: the SDK reports "invalid JSON"; the bytes are never printed by us.
  }
}

/**
 * The SDK runs credential_process through `externalDataInterceptor.getTokenRecord().exec ?? exec`
 * (credential-provider-process resolveProcessCredentials). Installing our exec there keeps the
 * SDK's own parsing and validation, adds a timeout, and turns a failure into a reason that names
 * the exit code and stderr's first line — never stdout, which is where the secrets are.
 */
export function installProcessExec(): void {
  const run = (command: string, callback: (err: Error | null, out?: { stdout: string; stderr: string }) => void) => {
    exec(command, { timeout: PROCESS_TIMEOUT_MS, maxBuffer: 1024 * 1024, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      registerStdoutSecrets(String(stdout));
      registerSecretsIn(String(stdout));
      if (error) {
        const e = error as NodeJS.ErrnoException & { code?: number | string; killed?: boolean; signal?: string };
        const how = e.killed && e.signal ? `was killed after ${PROCESS_TIMEOUT_MS} ms (no exit)` : `exited with code ${e.code ?? 'unknown'}${e.signal ? ` (signal ${e.signal})` : ''}`;
        // stderr of a credential helper is where it explains a failed refresh, often quoting the token.
        registerSecretsIn(String(stderr));
        const err = firstLineClipped(String(stderr), 200);
        callback(new Error(`credential_process ${how}${err ? `; stderr: ${err}` : '; stderr empty'}`));
        return;
      }
      callback(null, { stdout: String(stdout), stderr: String(stderr) });
    });
  };
  externalDataInterceptor.interceptToken('exec', run as unknown as string);
}
