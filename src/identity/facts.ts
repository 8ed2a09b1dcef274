/** Facts gathered by the identity probe. Filled in by the identity capability. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface IdentityFacts {}
