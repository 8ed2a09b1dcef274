import { defineRule, need } from '../../../kernel/rule.js';

export default defineRule({
  code: 'CC5010',
  severity: 'error',
  title: "Instance role credentials report a Code other than Success",
  priority: 180,
  reads: ['imds'],
  check(facts) {
    const f = need(facts, 'imds');
    const c = f.credentials;
    if (!c?.code || c.code === 'Success') return [];
    return [{
      message: `Role "${f.role}" credentials have Code "${c.code}"${c.message ? ` ("${c.message}")` : ''} and no usable keys: EC2 could not assume the role. The SDK reports only "Invalid response received from instance metadata service".`,
      fix: `Check the role behind ${f.instance?.instanceProfileArn ?? 'the instance profile'}: its trust policy must allow "Service": "ec2.amazonaws.com" to sts:AssumeRole, the role must still exist in the profile (aws iam get-instance-profile --instance-profile-name <name>), and STS must be enabled in ${f.instance?.region ?? 'the region'}.`,
    }];
  },
});
