/**
 * Runs the real SDKs as oracles: one process per SDK answers a whole batch of set-ups (so the
 * matrix costs four process start-ups, not four hundred). The Go resolver is built once in GOPATH
 * mode against Debian's golang-github-aws-aws-sdk-go-v2-dev and cached by the hash of its source.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OracleCase, OracleReport } from './types.js';

export type OracleSdk = OracleReport['sdk'];
export const ORACLE_SDKS: OracleSdk[] = ['js', 'botocore', 'ruby', 'go'];

/** Sources of the non-TypeScript oracles stay in test/oracles (tsc copies nothing). */
const SRC = fileURLToPath(new URL('../../../test/oracles/', import.meta.url));
const JS_ORACLE = fileURLToPath(new URL('./js-oracle.js', import.meta.url));
export const GOPATH = '/usr/share/gocode';
const GO_SDK = join(GOPATH, 'src/github.com/aws/aws-sdk-go-v2');

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { env, timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args[0] ?? ''} failed: ${err.message}\n${String(stderr).slice(-2000)}`));
      else resolve(stdout);
    });
  });
}

/** The Go SDK's config module version, as the module itself records it. */
export function goSdkVersion(): string {
  const meta = readFileSync(join(GO_SDK, 'config/go_module_metadata.go'), 'utf8');
  return /goModuleVersion = "([^"]+)"/.exec(meta)?.[1] ?? 'unknown';
}

/** Builds the Go resolver once per source/SDK version; later runs reuse the cached binary. */
export async function goResolver(): Promise<string> {
  const source = readFileSync(join(SRC, 'go/main.go'));
  const version = goSdkVersion();
  const hash = createHash('sha256').update(source).update(version).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `credcheck-go-oracle-${process.getuid?.() ?? 0}`);
  const bin = join(dir, `resolver-${hash}`);
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const work = mkdtempSync(join(dir, 'build-'));
  writeFileSync(join(work, 'main.go'), source);
  const env = { PATH: process.env.PATH, HOME: work, GOPATH, GO111MODULE: 'off', GOFLAGS: '', GOCACHE: join(dir, 'cache'), GOPROXY: 'off', CGO_ENABLED: '0' };
  await run('go', ['build', '-ldflags', `-X main.version=${version}`, '-o', join(work, 'resolver'), join(work, 'main.go')], env, 300_000);
  renameSync(join(work, 'resolver'), bin);
  return bin;
}

let python: string | undefined;
/** The real interpreter behind python3 (pyenv shims need the caller's HOME, which the oracle replaces). */
async function python3(): Promise<string> {
  python ??= (await run('python3', ['-c', 'import sys; print(sys.executable)'], process.env, 30_000)).trim();
  return python;
}

export async function runOracle(sdk: OracleSdk, cases: OracleCase[], stsUrl: string): Promise<OracleReport> {
  const dir = mkdtempSync(join(tmpdir(), 'credcheck-oracle-'));
  const file = join(dir, 'cases.json');
  writeFileSync(file, JSON.stringify(cases));
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir };
  const timeout = 30_000 + cases.length * 3_000;
  let out: string;
  try {
    out = await ask(sdk, file, env, timeout, stsUrl);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return JSON.parse(out.trim().split('\n').pop()!) as OracleReport;
}

async function ask(sdk: OracleSdk, file: string, env: NodeJS.ProcessEnv, timeout: number, stsUrl: string): Promise<string> {
  let out: string;
  if (sdk === 'js') out = await run(process.execPath, [JS_ORACLE, file], env, timeout);
  else if (sdk === 'botocore') out = await run(await python3(), [join(SRC, 'botocore-oracle.py'), file], env, timeout);
  else if (sdk === 'ruby') out = await run('ruby', [join(SRC, 'ruby-oracle.rb'), file, stsUrl], env, timeout);
  else out = await run(await goResolver(), [file, stsUrl], env, timeout);
  return out;
}
