import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { BIN, SAFE_ENV, type CliResult } from './cli.js';

/**
 * Runs the CLI under `strace -f -e trace=%file` and lists every file system call that creates,
 * changes or removes something (successful or not: an attempt is a write too). strace comes
 * from Debian's `strace` package (scripts/ensure-deps.sh installs it).
 */
export function straceWorks(): boolean {
  return spawnSync('strace', ['-f', '-qq', '-o', '/dev/null', 'true']).status === 0;
}

const WRITE_SYSCALL = /^(?:\d+\s+)?(creat|rename|renameat2?|unlink|unlinkat|mkdir|mkdirat|rmdir|symlink|symlinkat|link|linkat|truncate|chmod|fchmodat2?|chown|lchown|fchownat|utimes|utimensat|futimesat|mknod|mknodat)\((.*)$/;
const OPEN_SYSCALL = /^(?:\d+\s+)?(open|openat|openat2)\((.*)$/;
const WRITE_FLAGS = /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND/;

/** The quoted paths in one strace line (strace prints them as C strings). */
function pathsIn(args: string): string[] {
  return [...args.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!.replace(/\\"/g, '"'));
}

export interface AuditedRun extends CliResult {
  /** "syscall path" for every write attempt outside the allowed outputs. */
  writes: string[];
  /** Every write attempt, allowed or not (to prove an output really was written through the kernel). */
  allWrites: string[];
}

/** `outputs`: files the user named; their directory may receive the temp file renamed onto them. */
export function runAudited(args: string[], env: Record<string, string>, outputs: string[] = [], timeoutMs = 30_000): Promise<AuditedRun> {
  const log = join(mkdtempSync(join(tmpdir(), 'credcheck-strace-')), 'trace');
  const start = performance.now();
  const fullEnv: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', ...SAFE_ENV, ...env };
  const allowed = outputs.map((o) => resolve(o));
  const isAllowed = (p: string) => allowed.some((o) => p === o || (dirname(p) === dirname(o) && p.startsWith(join(dirname(o), '.')) && p.endsWith('.tmp')));
  return new Promise((resolvePromise, reject) => {
    const child = spawn('strace', ['-f', '-qq', '-e', 'trace=%file', '-e', 'signal=none', '-o', log, process.execPath, BIN, ...args], { env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`credcheck ${args.join(' ')} (under strace) did not finish within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const allWrites: string[] = [];
      for (const line of readFileSync(log, 'utf8').split('\n')) {
        const w = WRITE_SYSCALL.exec(line);
        const o = w ? undefined : OPEN_SYSCALL.exec(line);
        if (o && !WRITE_FLAGS.test(o[2]!)) continue;
        const m = w ?? o;
        if (!m) continue;
        for (const p of pathsIn(m[2]!)) allWrites.push(`${m[1]} ${p}`);
      }
      const writes = allWrites.filter((w) => !isAllowed(resolve(w.slice(w.indexOf(' ') + 1))));
      resolvePromise({ code, stdout, stderr, ms: performance.now() - start, writes, allWrites });
    });
  });
}
