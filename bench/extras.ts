import type { ExtraBench } from './bench.js';
import { benchChain } from './chain.js';

/** Rows that need more than a black hole (loopback STS, ...), one function per area. */
export const EXTRAS: ExtraBench[] = [benchChain];
