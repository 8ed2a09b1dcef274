/** Facts gathered by the imds probe. Filled in by the imds capability. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ImdsFacts {}
