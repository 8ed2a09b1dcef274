import { defineRule } from '../../../kernel/rule.js';
import { profilesOf, whereKey } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1017',
  severity: 'warning',
  title: 'Legacy aws_security_token differs from aws_session_token',
  priority: 540,
  reads: ['files'],
  check(facts) {
    return profilesOf(facts)
      .filter((p) => p.legacyTokenDiffers === true)
      .map((p) => ({
        message: `Profile "${p.name}" has both aws_session_token and a different aws_security_token. The JavaScript SDK reads aws_session_token, but botocore (AWS CLI, Python) reads aws_security_token first, so Python tools use the stale token and fail with ExpiredToken while Node works.`,
        fix: `Delete the aws_security_token line under [${p.name}]${p.keyLines.aws_security_token?.line ? ` (line ${p.keyLines.aws_security_token.line})` : ''}; modern tools write only aws_session_token.`,
        profile: p.name,
        ...whereKey(p, 'aws_security_token'),
      }));
  },
});
