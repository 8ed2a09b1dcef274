import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../../bin/credcheck.cjs', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Endpoints that can never leave the machine: every test starts from these, so a forgotten
 * override points at a closed loopback port, never at 169.254.169.254 or a public server.
 * Port 9 (discard) on loopback is closed here, so connections are refused at once.
 */
export const SAFE_ENV: Record<string, string> = {
  AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.1:9',
  AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:9',
  AWS_REGION: 'us-east-1',
  CREDCHECK_NTP_SERVERS: '127.0.0.1:9',
  CREDCHECK_SSM_RUNTIME_CONFIG: '/nonexistent/identity_config.json',
  NO_COLOR: '1',
};

/**
 * Runs the built CLI as a user would, with a clean environment (only PATH, HOME and what is given).
 * nodeArgs go to node before the CLI (a test's --import preload).
 */
export function runCli(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 20_000, nodeArgs: string[] = []): Promise<CliResult> {
  const start = performance.now();
  const fullEnv: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', ...SAFE_ENV };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete fullEnv[k];
    else fullEnv[k] = v;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, BIN, ...args], { env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`credcheck ${args.join(' ')} did not finish within ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - start });
    });
  });
}

export function parseJson(result: CliResult): any {
  try {
    return JSON.parse(result.stdout);
  } catch {
    throw new Error(`stdout is not one JSON object:\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
}
