import { Worker } from 'node:worker_threads';
import { EXIT_USAGE } from './exit-codes.js';
import { writeErr } from './output.js';

/**
 * A hard wall-clock deadline for a one-shot command, in two layers:
 *  1. a main-thread timer: prints one line and exits 2 ("credcheck could not run") — enough
 *     whenever the event loop turns, which every bounded step lets it do;
 *  2. a watchdog thread, for when the main thread itself is stuck (a synchronous read that
 *     blocks, a pathological parse): a little later it writes the same line with a raw write(2)
 *     and kills the process. A thread keeps running while the main thread is blocked.
 * Neither keeps a process that is done from exiting (both are unref'd).
 */

/** Time the main thread gets after the deadline before the watchdog steps in. */
const WATCHDOG_GRACE_MS = 1500;

const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
setTimeout(() => {
  try { writeSync(2, workerData.message); } catch {}
  process.kill(process.pid, 'SIGKILL');
}, workerData.ms);
`;

let armed = false;

export function armDeadline(command: string, ms: number): void {
  if (armed || !Number.isFinite(ms) || ms <= 0) return;
  armed = true;
  const message = `credcheck: ${command} did not finish within its ${Math.round(ms / 100) / 10} s deadline; stopped (a step that should have been bounded was not: please report it, with --debug output)\n`;
  const timer = setTimeout(() => {
    void writeErr(message).finally(() => process.exit(EXIT_USAGE));
    // If stderr cannot be flushed (a full pipe), exit anyway.
    setTimeout(() => process.exit(EXIT_USAGE), 200).unref();
  }, ms);
  timer.unref();
  try {
    const worker = new Worker(WATCHDOG, { eval: true, workerData: { ms: ms + WATCHDOG_GRACE_MS, message: `${message.trimEnd()} (watchdog)\n` }, stdout: false, stderr: false });
    worker.unref();
    worker.on('error', () => undefined);
  } catch {
    // No threads (a very constrained runtime): the main-thread timer still stands.
  }
}
