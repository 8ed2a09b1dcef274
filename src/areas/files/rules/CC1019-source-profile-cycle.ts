import { defineRule } from '../../../kernel/rule.js';
import type { ProfileFacts } from '../facts.js';
import { profilesOf, whereKey } from '../../../kernel/rule-helpers.js';

/**
 * Follows source_profile as credential-provider-ini does: a profile reached through source_profile
 * that has static keys ends the walk (so a profile naming itself with keys is fine); revisiting a
 * profile otherwise is the SDK's "Detected a cycle".
 */
function cycleFrom(start: ProfileFacts, byName: Map<string, ProfileFacts>): string[] | undefined {
  const path = [start.name];
  const seen = new Set<string>();
  let current = start;
  for (;;) {
    if (current.kind !== 'assume-role' || current.sourceProfile === undefined) return undefined;
    const next = byName.get(current.sourceProfile);
    if (!next) return undefined;
    path.push(next.name);
    if (seen.has(next.name)) return path;
    seen.add(next.name);
    if (next.accessKeyId !== undefined && next.hasSecretAccessKey) return undefined;
    current = next;
  }
}

export default defineRule({
  code: 'CC1019',
  severity: 'error',
  title: 'source_profile chain loops back on itself',
  priority: 560,
  reads: ['files'],
  check(facts) {
    const profiles = profilesOf(facts);
    const byName = new Map(profiles.map((p) => [p.name, p]));
    const reported = new Set<string>();
    return profiles.flatMap((p) => {
      const loop = cycleFrom(p, byName);
      if (!loop) return [];
      // One finding per loop, on the first of its profiles met in file order.
      const members = [...new Set(loop.slice(loop.indexOf(loop[loop.length - 1]!)))].sort().join('\u0000');
      if (reported.has(members)) return [];
      reported.add(members);
      // Show the walk up to the first repeat: a → b → a.
      const shown: string[] = [];
      for (const name of loop) {
        shown.push(name);
        if (shown.indexOf(name) !== shown.length - 1) break;
      }
      return [{
        message: `Following source_profile from "${p.name}" goes ${shown.join(' → ')}: a cycle with no profile holding keys to start from. The SDK stops with "Detected a cycle attempting to resolve credentials".`,
        fix: `Point one profile in the loop at a profile that has aws_access_key_id and aws_secret_access_key (or use credential_source instead of source_profile), e.g. change source_profile under [${p.name}].`,
        profile: p.name,
        ...whereKey(p, 'source_profile'),
      }];
    });
  },
});
