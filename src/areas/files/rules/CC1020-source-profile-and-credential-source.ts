import { defineRule } from '../../../kernel/rule.js';
import { profilesOf, whereKey } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1020',
  severity: 'error',
  title: 'source_profile and credential_source in the same profile',
  priority: 570,
  reads: ['files'],
  check(facts) {
    return profilesOf(facts)
      .filter((p) => p.sourceProfile !== undefined && p.credentialSource !== undefined)
      .map((p) => ({
        message: `Profile "${p.name}" sets both source_profile (${p.sourceProfile}) and credential_source (${p.credentialSource}). They are mutually exclusive: the JavaScript SDK then does not treat it as a role profile at all${p.roleArn ? ' and never assumes role_arn' : ''} (it ${p.kind === 'none' ? 'finds no credentials in it' : `uses it as a ${p.kind} profile`}); the AWS CLI refuses it.`,
        fix: `Keep one: source_profile to start from another profile's keys, or credential_source (Environment, Ec2InstanceMetadata, EcsContainer) to start from the environment — delete the other line under [${p.name}].`,
        profile: p.name,
        ...whereKey(p, 'credential_source'),
      }));
  },
});
