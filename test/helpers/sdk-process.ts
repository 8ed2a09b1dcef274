import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './cli.js';

/** Real SDK programs (test/fixtures/processes) started against a throwaway HOME, then rotated. */
export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'processes');
export const KEY_OLD = 'AKIAPROCESSTESTOLD01';
export const KEY_NEW = 'AKIAPROCESSTESTNEW02';

export function credentials(key: string): string {
  // Not secrets: the programs never call AWS; the secret only has to be present.
  return `[default]\naws_access_key_id = ${key}\naws_secret_access_key = notasecret${key.slice(-4)}\n`;
}

export function makeHome(): { home: string; file: string } {
  const home = mkdtempSync(join(tmpdir(), 'cc-sdkproc-'));
  mkdirSync(join(home, '.aws'));
  const file = join(home, '.aws', 'credentials');
  writeFileSync(file, credentials(KEY_OLD), { mode: 0o600 });
  return { home, file };
}

/** Rotation as the SSM agent does it: truncate and rewrite in place. */
export function rotate(file: string): void {
  writeFileSync(file, credentials(KEY_NEW));
}

export interface Running {
  child: ChildProcess;
  lines: string[];
  waitFor(re: RegExp, ms?: number): Promise<string>;
  stop(): void;
}

export function start(cmd: string, args: string[], env: Record<string, string>, cwd?: string): Running {
  const child = spawn(cmd, args, { env: { PATH: process.env.PATH ?? '', ...env }, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let buf = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    const parts = buf.split('\n');
    buf = parts.pop() ?? '';
    lines.push(...parts);
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  });
  child.stderr!.on('data', (d: Buffer) => {
    err = (err + d.toString()).slice(-2000);
  });
  return {
    child,
    lines,
    async waitFor(re, ms = 30_000) {
      const until = Date.now() + ms;
      for (;;) {
        const hit = [...lines].reverse().find((l) => re.test(l));
        if (hit) return hit;
        if (child.exitCode !== null || Date.now() > until) throw new Error(`no line matching ${re} (exit ${child.exitCode}); stdout tail: ${lines.slice(-3).join(' | ')}; stderr: ${err}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    stop() {
      child.kill();
    },
  };
}

const GO_SDK = '/usr/share/gocode/src/github.com/aws/aws-sdk-go-v2';

/**
 * Builds go_app.go against Debian's SDK sources in GOPATH mode (offline), once per source and
 * toolchain: the binary and Go's build cache live under the temp dir and are reused across runs.
 */
export function buildGoApp(): string {
  const src = readFileSync(join(FIXTURES, 'go_app.go'));
  const goVersion = spawnSync('go', ['version'], { encoding: 'utf8' }).stdout.trim();
  const meta = existsSync(join(GO_SDK, 'aws', 'go_module_metadata.go')) ? readFileSync(join(GO_SDK, 'aws', 'go_module_metadata.go')) : '';
  const hash = createHash('sha256').update(src).update(goVersion).update(meta).digest('hex').slice(0, 16);
  const base = join(tmpdir(), 'credcheck-go-build');
  const bin = join(base, `go_app-${hash}`);
  if (existsSync(bin)) return bin;
  const gopath = join(base, 'gopath');
  mkdirSync(join(gopath, 'src', 'ccgoapp'), { recursive: true });
  writeFileSync(join(gopath, 'src', 'ccgoapp', 'main.go'), src);
  const tmp = `${bin}.tmp${process.pid}`;
  const r = spawnSync('go', ['build', '-o', tmp, 'ccgoapp'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: base, GO111MODULE: 'off', GOPATH: `${gopath}:/usr/share/gocode`, GOCACHE: join(base, 'cache'), GOFLAGS: '', GOPROXY: 'off' },
    timeout: 240_000,
  });
  if (r.status !== 0) throw new Error(`go build failed: ${r.stderr}`);
  renameSync(tmp, bin);
  return bin;
}

/** A script directory whose node_modules is the repository's (so the real SDK resolves from it). */
export function nodeAppDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cc-nodeapp-'));
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'app.cjs'), readFileSync(join(FIXTURES, 'node_app.cjs')));
  return dir;
}
