import type { ExtraBench } from './bench.js';

/** Rows that need more than a black hole (loopback STS, ...), one function per area. */
export const EXTRAS: ExtraBench[] = [];
