/** The user asked for something that cannot work (bad flag value, unknown code): exit 2, one line. */
export class UsageError extends Error {}

/** credcheck could not run at all (not a finding about the host): exit 2, one line. */
export class FatalError extends Error {}
