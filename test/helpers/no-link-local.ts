/**
 * Preload (`node --import`) for tests that must prove credcheck never even tries the default IMDS
 * address: every TCP connect in the process goes through net.Socket.prototype.connect (http, the
 * SDK's clients, undici), so wrapping it sees the target before anything leaves the machine. A
 * link-local or EC2 IPv6 target is recorded (one line per attempt in $CREDCHECK_TEST_CONNECT_LOG)
 * and refused on the spot with EHOSTUNREACH: nothing is sent, the caller sees an unreachable host.
 */
import fs from 'node:fs';
import net from 'node:net';

// Taken now, before credcheck's fs guard (kernel/fs-guard.ts) replaces every writer: the named ESM
// exports are live bindings the guard re-syncs, and appendFileSync looks writeFileSync up late.
const { openSync, writeSync, closeSync } = fs;
function append(path: string, line: string): void {
  const fd = openSync(path, 'a');
  try {
    writeSync(fd, line);
  } finally {
    closeSync(fd);
  }
}

export const FORBIDDEN = /^\[?(169\.254\.|fd00:ec2:)/i;

/** The host of any of connect()'s call shapes: (options), (port, host), or Node's normalized [options, cb]. */
function hostOf(args: unknown[]): string | undefined {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first && typeof first === 'object') return (first as { host?: string }).host;
  return typeof args[1] === 'string' ? args[1] : undefined;
}

/** Installs the guard; `record` gets every refused host. */
export function guardLinkLocal(record: (host: string) => void): void {
  const original = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guarded(this: net.Socket, ...args: unknown[]) {
    const host = hostOf(args);
    if (host && FORBIDDEN.test(host)) {
      record(host);
      const error = Object.assign(new Error(`connect EHOSTUNREACH ${host} (refused by the test guard)`), { code: 'EHOSTUNREACH' });
      process.nextTick(() => this.destroy(error));
      return this;
    }
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof original;
}

const log = process.env.CREDCHECK_TEST_CONNECT_LOG;
if (log) guardLinkLocal((host) => append(log, `${host}\n`));
