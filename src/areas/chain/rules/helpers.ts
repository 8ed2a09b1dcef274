import type { ChainFacts, ChainLink } from '../facts.js';

/** Links the SDK tried before the winner (all links when nothing won). */
export function linksBeforeWinner(chain: ChainFacts): ChainLink[] {
  const i = chain.links.findIndex((l) => l.status === 'active');
  return i < 0 ? chain.links : chain.links.slice(0, i);
}

export function describeSource(chain: ChainFacts): string {
  const a = chain.active;
  if (!a) return 'no credentials at all';
  return `${a.source}${a.kind ? ` (${a.kind})` : ''}${a.profile ? ` profile "${a.profile}"` : ''} key ${a.accessKeyId}`;
}

/**
 * The step that ends "exported keys expire": switch to a profile that refreshes itself, named.
 * Undefined when no such profile exists.
 */
export function switchToRefreshing(chain: ChainFacts | undefined): string | undefined {
  const name = chain?.refreshableProfiles[0];
  if (!name) return undefined;
  return `unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN and use profile ${name}, which refreshes itself (export AWS_PROFILE=${name})`;
}
