/** Facts gathered by the clock probe. Filled in by the clock capability. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ClockFacts {}
