// Soak: thousands of rename-over rotations against the in-process FileFollower (build first).
// Prints heap/RSS/fd/watcher figures before and after. Usage: node bench/watch-soak.mjs [N]
import { mkdtempSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { FileFollower } from '../dist/src/commands/watch/file-follower.js';

const N = Number(process.argv[2] ?? 3000);
const dir = mkdtempSync(join(tmpdir(), 'credcheck-soak-'));
const path = join(dir, 'credentials');
const text = (i) => `[default]\naws_access_key_id = ASIASOAK${String(i).padStart(12, '0')}\naws_secret_access_key = s${i}\n`;
writeFileSync(path, text(0));
const fds = () => readdirSync('/proc/self/fd').length;
const seen = new Set();
const f = new FileFollower({ path, profile: 'default', pollMs: 1000, debounceMs: 5, onObservation: (o) => o.ok && seen.add(o.keyId) });
f.start();
await sleep(200);
global.gc?.();
const before = { heap: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss, fds: fds(), watchers: f.watcherCount };
const t0 = performance.now();
for (let i = 1; i <= N; i++) {
  writeFileSync(`${path}.tmp`, text(i));
  renameSync(`${path}.tmp`, path);
  await sleep(15);
}
await sleep(500);
global.gc?.();
const after = { heap: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss, fds: fds(), watchers: f.watcherCount };
f.stop();
const mb = (b) => (b / 1048576).toFixed(1) + ' MiB';
console.log(`rotations written ${N}, distinct key ids observed ${seen.size} (incl. initial), ${((performance.now() - t0) / 1000).toFixed(1)} s`);
console.log(`heapUsed ${mb(before.heap)} -> ${mb(after.heap)}; rss ${mb(before.rss)} -> ${mb(after.rss)}; fds ${before.fds} -> ${after.fds}; watchers ${before.watchers} -> ${after.watchers}`);
