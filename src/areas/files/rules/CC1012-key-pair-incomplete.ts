import { defineRule } from '../../../kernel/rule.js';
import { profilesOf, whereKey } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1012',
  severity: 'error',
  title: 'Access key id without a secret key, or the reverse',
  priority: 490,
  reads: ['files'],
  check(facts) {
    return profilesOf(facts).flatMap((p) => {
      const hasId = p.accessKeyId !== undefined;
      if (hasId === p.hasSecretAccessKey) return [];
      const present = hasId ? 'aws_access_key_id' : 'aws_secret_access_key';
      const missing = hasId ? 'aws_secret_access_key' : 'aws_access_key_id';
      return [{
        message: `Profile "${p.name}" has ${present} but no ${missing}. The SDK needs both to use static keys, so it skips them${p.kind === 'none' ? ' and the profile yields no credentials' : ` (it treats the profile as ${p.kind})`}.`,
        fix: `Add ${missing} = … under [${p.name}] in the credentials file (the IAM console shows a secret only once: if it is lost, create a new access key and delete the old one).`,
        profile: p.name,
        ...whereKey(p, present),
      }];
    });
  },
});
