import type { World } from './world.js';

/** What a user would see and must be right about. */
export interface Expectation {
  /** Code of the first warning-or-worse finding; 'none' when the report must show none. */
  first: string | 'none';
  /** The cause, in words: matched against the first finding's title and message. */
  cause?: RegExp;
  /** The fix that would help: matched against the first finding's fix. */
  fix?: RegExp;
  /** Wrong advice or false claims that must appear nowhere in the report. */
  forbid?: RegExp[];
  /** Text that must appear somewhere in the report (e.g. the verdict). */
  require?: RegExp[];
  /** Exit code: a number, or 'nonzero'. */
  exit?: number | 'nonzero';
}

export interface Staged {
  /** credcheck's arguments (the command first). */
  args: string[];
  /** Extra environment for this run, on top of the world's. */
  env?: Record<string, string | undefined>;
  /** Checks that need the world after the run (e.g. the STS request log); returns problems found. */
  after?: () => string[];
}

export interface Incident {
  id: string;
  /** Where the story comes from: an issue-15 case, a seed, or field experience. */
  from: string;
  title: string;
  stage(world: World): Promise<Staged>;
  expect: Expectation;
}
