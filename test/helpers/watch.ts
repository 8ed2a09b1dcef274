import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { BIN, SAFE_ENV } from './cli.js';

/** Spawns `credcheck watch --json`, collecting NDJSON lines as they come. */
export function spawnWatch(home: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, 'watch', '--json', ...args], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...SAFE_ENV, HOME: home, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const events = () => stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const done = new Promise<number | null>((resolve, reject) => {
    const t = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`watch hung\n${stdout}\n${stderr}`)); }, 60_000);
    child.on('close', (code) => { clearTimeout(t); resolve(code); });
  });
  const waitFor = async (pred: (e: any[]) => boolean) => {
    for (let i = 0; i < 600 && !pred(events()); i++) await sleep(50);
  };
  return { child, events, done, out: () => stdout + stderr, waitFor };
}


/** A small strict parser of the Prometheus text format: HELP and TYPE before each sample, no junk lines. */
export function parseExposition(text: string): Map<string, number> {
  assert.ok(text.endsWith('\n'));
  const out = new Map<string, number>();
  const typed = new Set<string>();
  const helped = new Set<string>();
  for (const line of text.slice(0, -1).split('\n')) {
    let m = /^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .+$/.exec(line);
    if (m) { helped.add(m[1]!); continue; }
    m = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (gauge|counter)$/.exec(line);
    if (m) { typed.add(m[1]!); continue; }
    m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*",?)*)\})? (-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)$/.exec(line);
    assert.ok(m, `not exposition format: ${line}`);
    assert.ok(typed.has(m[1]!) && helped.has(m[1]!), `no HELP/TYPE before ${m[1]}`);
    const labels = [...(m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((l) => `${l[1]}="${l[2]}"`).sort().join(',');
    out.set(labels ? `${m[1]}{${labels}}` : m[1]!, Number(m[3]));
  }
  return out;
}
