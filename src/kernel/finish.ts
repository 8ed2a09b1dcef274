/**
 * Ends a one-shot command: SDK keep-alive sockets or a slow server's half-open connection must
 * never keep credcheck running after it has printed its answer.
 */
export function finish(code: number): void {
  process.exitCode = code;
  // Not unref'd: an unref'd immediate does not stop libuv's poll from blocking, so with a
  // black-holed socket open it only ran at the next I/O event (measured: 4 s late).
  setImmediate(() => process.exit(code));
}
