/**
 * Soak for watch (part of npm run bench): 10,000 rotations across four sources — two credentials
 * files (rename-over), loopback IMDS and a loopback container endpoint, all rotating — followed by
 * the same Source and Tracker classes watch runs, with the textfile rewritten as watch does.
 * Prints heap, RSS and open fds before and after (after a GC), then the CPU a real `credcheck
 * watch` child uses while idle (default intervals) over 10 s. Usage: node --expose-gc
 * dist/bench/watch-soak.js [ROTATIONS]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BIN } from '../test/helpers/cli.js';
import { startContainer } from '../test/servers/container.js';
import { startImds } from '../test/servers/imds.js';
import { ContainerSource, ImdsSource } from '../src/commands/watch/endpoint-source.js';
import { FileSource } from '../src/commands/watch/file-follower.js';
import { writeTextfile } from '../src/commands/watch/textfile.js';
import { Tracker } from '../src/commands/watch/tracker.js';

const TOTAL = Number(process.argv[2] ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'credcheck-soak-'));
const files = [join(dir, 'a'), join(dir, 'b')];
const text = (i: number) => `[default]\naws_access_key_id = ASIASOAK${String(i).padStart(12, '0')}\naws_secret_access_key = soakSecret${i}xxxxxxxxxxxxxxxx\n`;
for (const f of files) writeFileSync(f, text(0));
const imds = await startImds({ mode: 'rotation', rotateEveryMs: 10 });
const containerCreds = { accessKeyId: 'ASIASOAKCONTAINER000', secretAccessKey: 'soakContainerSecret0000000000' };
const container = await startContainer({ credentials: containerCreds });

const fds = () => readdirSync('/proc/self/fd').length;
const mem = () => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, rss: m.rss, fds: fds() };
};
let events = 0;
const trackers: Tracker[] = [];
const sources = [
  new FileSource(files[0]!, 'default', 1000),
  new FileSource(files[1]!, 'default', 1000),
  new ImdsSource(imds.url, 5),
  new ContainerSource(container.fullUri, async () => undefined, 5),
];
for (const s of sources) {
  const t = new Tracker(s, { warnBeforeMs: 600_000, mask: (k) => k.slice(-4), emit: () => void events++ });
  trackers.push(t);
  s.start((o) => void t.observe(o));
}
const rotations = () => trackers.reduce((n, t) => n + t.rotations, 0);
const prom = join(dir, 'credcheck.prom');
const writeMetrics = () => writeTextfile(prom, { sources: trackers.map((t) => ({ labels: { source: t.source.kind, name: t.source.name }, rotationsTotal: t.rotations, up: t.up })), heartbeatSeconds: Date.now() / 1000 });
let i = 0;
let c = 0;
let before: ReturnType<typeof mem> | undefined;
const t0 = performance.now();
while (rotations() < TOTAL) {
  // Figures from after a warm-up (JIT, first allocations), so growth is what the soak adds.
  if (!before && rotations() >= 500) before = mem();
  // Files: one rename-over each per round; the container: a new key per round; IMDS rotates itself.
  i++;
  for (const f of files) {
    writeFileSync(`${f}.tmp`, text(i));
    renameSync(`${f}.tmp`, f);
  }
  containerCreds.accessKeyId = `ASIASOAKCONTAINER${String(++c).padStart(3, '0').slice(-3)}`;
  containerCreds.secretAccessKey = `soakContainerSecret${c}`;
  await sleep(300);
  if (i % 3 === 0) await writeMetrics();
  // The loopback servers log every request in this same process: keep their logs from growing.
  imds.requests.length = 0;
  container.requests.length = 0;
}
const seconds = (performance.now() - t0) / 1000;
for (const s of sources) s.stop();
await Promise.all(trackers.map((t) => t.settled()));
await writeMetrics();
await sleep(300);
const after = mem();
const mb = (b: number) => (b / 1048576).toFixed(1) + ' MiB';
console.log(`\nwatch soak: ${rotations()} rotations in ${seconds.toFixed(0)} s across 4 sources (${trackers.map((t) => `${t.source.kind} ${t.rotations}`).join(', ')}), ${events} events, textfile ${readFileSync(prom, 'utf8').length} bytes`);
console.log(`after 500 warm-up rotations -> end: heapUsed ${mb(before!.heap)} -> ${mb(after.heap)}; rss ${mb(before!.rss)} -> ${mb(after.rss)}; open fds ${before!.fds} -> ${after.fds}`);
await Promise.all([imds.close(), container.close()]);

// Idle CPU of a real watch with default intervals over four sources.
const idleImds = await startImds({ mode: 'v2' });
const idleContainer = await startContainer({});
const home = mkdtempSync(join(tmpdir(), 'credcheck-soak-home-'));
const child = spawn(process.execPath, [BIN, 'watch', '--json', '--file', `${files[0]}#default`, '--file', `${files[1]}#default`, '--imds', idleImds.url, '--container', idleContainer.fullUri, '--textfile', prom], { env: { PATH: process.env.PATH, HOME: home }, stdio: 'ignore' });
const ticks = () => {
  const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
  const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return Number(rest[11]) + Number(rest[12]); // utime + stime, 1/100 s
};
await sleep(3000); // start-up done
const c0 = ticks();
await sleep(10_000);
const c1 = ticks();
child.kill('SIGTERM');
await Promise.all([idleImds.close(), idleContainer.close()]);
console.log(`idle watch (4 sources, default intervals): ${(((c1 - c0) / 100 / 10) * 100).toFixed(2)} % of one core over 10 s`);
