import { defineRule } from '../../../kernel/rule.js';
import { fileFacts, listNames } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1034',
  severity: 'error',
  title: 'The selected profile does not exist',
  priority: 380,
  reads: ['files'],
  check(facts) {
    const f = fileFacts(facts);
    if (!f) return [];
    const wanted = f.profile.name;
    const names = f.profiles.map((p) => p.name);
    if (names.includes(wanted)) return [];
    if (f.profile.source === 'default' && names.length === 0) return [];
    // Sections that look like the wanted one but that the SDK files under another name or drops.
    const near = [f.credentials, f.config].flatMap((file) =>
      file.lines.flatMap((l) => {
        if (l.type !== 'section') return [];
        const bare = l.header.trim().replace(/^profile[\s.]+/, '').replace(/^["']|["']$/g, '');
        if (bare === wanted || bare.toLowerCase() === wanted.toLowerCase()) return [`[${l.header}] at ${file.path}:${l.line}`];
        return [];
      }),
    );
    const caseMatch = names.find((n) => n.toLowerCase() === wanted.toLowerCase());
    const hint = near.length > 0 ? ` Near misses: ${near.join('; ')}.` : caseMatch ? ` Profile names are case-sensitive: "${caseMatch}" exists.` : '';
    return [{
      severity: f.profile.source === 'default' ? ('info' as const) : ('error' as const),
      message: `The SDK looks for profile "${wanted}" (${f.profile.source}) but neither file defines it. Profiles that exist: ${listNames(names)}.${hint}`,
      fix: f.profile.source === 'default'
        ? `Nothing selects a profile, so the SDK only uses [default]: add one, or select a profile with AWS_PROFILE=NAME.`
        : `Select an existing profile (${f.profile.source === '--profile' ? '--profile' : 'AWS_PROFILE='}${caseMatch ?? names[0] ?? 'NAME'}), or add [${wanted}] to the credentials file / [profile ${wanted}] to the config file.`,
      profile: wanted,
    }];
  },
});
