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
