/**
 * Ends a one-shot command: SDK keep-alive sockets or a slow server's half-open connection must
 * never keep credcheck running after it has printed its answer.
 */
export function finish(code: number): void {
  process.exitCode = code;
  setImmediate(() => process.exit(code)).unref();
}
