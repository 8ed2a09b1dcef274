import { defineRule, need } from '../../../kernel/rule.js';
import { stepOf } from '../classify.js';

export default defineRule({
  code: 'CC5008',
  severity: 'error',
  title: 'No instance profile attached (IAM paths answer 404)',
  priority: 170,
  reads: ['imds'],
  check(facts) {
    const f = need(facts, 'imds');
    const role = stepOf(f, 'role');
    if (role?.httpStatus !== 404) return [];
    return [{
      message: `GET /latest/meta-data/iam/security-credentials/ answered 404: IMDS works${f.instance?.instanceId ? ` (instance ${f.instance.instanceId})` : ''} but no IAM role is attached, so there are no instance credentials.`,
      fix: `Attach an instance profile: aws ec2 associate-iam-instance-profile --instance-id ${f.instance?.instanceId ?? '<instance-id>'} --iam-instance-profile Name=<profile-name> (or replace-iam-instance-profile-association if one is being swapped).`,
    }];
  },
});
