/** Facts gathered by the process probe. Filled in by the process capability. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ProcessFacts {}
