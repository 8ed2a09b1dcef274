import type { ProbeResult } from './probe.js';
import type { FileFacts } from '../areas/files/facts.js';
import type { ChainFacts } from '../areas/chain/facts.js';
import type { IdentityFacts } from '../areas/identity/facts.js';
import type { ClockFacts } from '../areas/clock/facts.js';
import type { ImdsFacts } from '../areas/imds/facts.js';
import type { ProcessFacts } from '../areas/processes/facts.js';
import type { PreflightFacts } from '../commands/preflight/facts.js';
import type { Refusal } from './fs-guard.js';
import type { Unparsed } from './untrusted.js';

/**
 * The snapshot every rule reads. Each command fills the sections it probed; rules return nothing
 * for sections that are absent, so `doctor` can simply run every rule over every section.
 * Plain, JSON-able data only, and never a secret.
 */
export interface Facts {
  /** ISO time the facts were gathered: rules compare expiries against this, never Date.now(). */
  now: string;
  files?: ProbeResult<FileFacts>;
  chain?: ProbeResult<ChainFacts>;
  identity?: ProbeResult<IdentityFacts>;
  clock?: ProbeResult<ClockFacts>;
  imds?: ProbeResult<ImdsFacts>;
  processes?: ProbeResult<ProcessFacts>;
  /** Evaluated checks, not a probe: preflight runs its own gathering under one deadline. */
  preflight?: PreflightFacts;
  /** What credcheck refused to read or write on the SDK's (or its own) behalf: filled by runRules. */
  io?: { refusals: Refusal[]; unparsed: Unparsed[] };
}
