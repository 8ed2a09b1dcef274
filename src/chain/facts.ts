/** Facts gathered by the chain probe. Filled in by the chain capability. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ChainFacts {}
