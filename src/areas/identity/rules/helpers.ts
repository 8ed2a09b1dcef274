import type { Facts } from '../../../kernel/facts.js';
import { okValue } from '../../../kernel/probe.js';
import type { Hit } from '../../../kernel/rule.js';
import { describeStsError } from '../diagnose.js';
import type { IdentityFacts } from '../facts.js';

export function identityFacts(facts: Facts): IdentityFacts | undefined {
  return okValue(facts.identity);
}

/** The failure diagnosis, kept only by the rule whose code it names (see identity/diagnose.ts). */
export function identityDiagnosis(facts: Facts, code: string): Hit[] {
  const f = identityFacts(facts);
  const d = f ? describeStsError(f, facts.now) : undefined;
  if (!d || d.code !== code) return [];
  const { code: _code, ...hit } = d;
  return [{ ...hit, source: 'sts' }];
}

/** Glob with * (any run) and ? (one character), anchored: for --expect-arn. */
export function globMatch(glob: string, text: string): boolean {
  const re = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${re}$`).test(text);
}
