import { defineRule } from '../../../kernel/rule.js';
import { fileFacts, listNames } from '../../../kernel/rule-helpers.js';
import { didYouMean } from '../../../kernel/did-you-mean.js';
import { okValue } from '../../../kernel/probe.js';

export default defineRule({
  code: 'CC1034',
  severity: 'error',
  title: 'The selected profile does not exist',
  // After the header rules (CC1001–CC1004): a dropped or renamed header is the cause of this.
  priority: 425,
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
    const meant = caseMatch ?? didYouMean(wanted, names);
    const select = (name: string) => (f.profile.source === '--profile' ? `--profile ${name}` : `AWS_PROFILE=${name}`);
    // botocore and the AWS CLI stop at a missing AWS_PROFILE ("The config profile (X) could not be
    // found", ProfileNotFound) even with keys exported; the JavaScript SDK skips the keys and fails.
    const envKeys = f.profile.source === '$AWS_PROFILE' && okValue(facts.chain)?.envKeys.set;
    const consequence = f.profile.source === '$AWS_PROFILE'
      ? ` The AWS CLI and boto3 stop with "The config profile (${wanted}) could not be found"${envKeys ? ', although keys are exported: the exported keys are not used by any of them while AWS_PROFILE names a missing profile' : ''}.`
      : '';
    const fix = f.profile.source === 'default'
      ? `Nothing selects a profile, so the SDK only uses [default]: add one, or select a profile with AWS_PROFILE=NAME.`
      : meant
        ? `Did you mean "${meant}"? Use ${select(meant)}${envKeys ? '; or unset AWS_PROFILE to use the exported keys' : ''}.`
        : envKeys
          ? `To use the exported keys, unset AWS_PROFILE; otherwise create profile "${wanted}" ([profile ${wanted}] in the config file) or select one that exists (${listNames(names)}).`
          : `Select an existing profile (${select(names[0] ?? 'NAME')}${names.length > 1 ? `; profiles: ${listNames(names)}` : ''}), or add [${wanted}] to the credentials file / [profile ${wanted}] to the config file.`;
    return [{
      severity: f.profile.source === 'default' ? ('info' as const) : ('error' as const),
      message: `The SDK looks for profile "${wanted}" (${f.profile.source}) but neither file defines it. Profiles that exist: ${listNames(names)}.${hint}${consequence}`,
      fix,
      profile: wanted,
    }];
  },
});
