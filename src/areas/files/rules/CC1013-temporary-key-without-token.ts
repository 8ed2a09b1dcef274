import { defineRule } from '../../../kernel/rule.js';
import { profilesOf, whereKey } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1013',
  severity: 'error',
  title: 'Temporary (ASIA) key without a session token',
  priority: 500,
  reads: ['files'],
  check(facts) {
    return profilesOf(facts)
      .filter((p) => p.keyType === 'temporary' && !p.hasSessionToken)
      .map((p) => ({
        message: `Profile "${p.name}" has a temporary key id (${p.accessKeyId}, from STS) but no aws_session_token${p.hasLegacySecurityToken ? ' (only the legacy aws_security_token, which the JavaScript SDK does not read)' : ''}. AWS rejects it with InvalidClientTokenId.`,
        fix: `Copy the session token that came with this key into aws_session_token under [${p.name}], or get fresh temporary credentials (they come as three values: key id, secret, token).`,
        profile: p.name,
        ...whereKey(p, 'aws_access_key_id'),
      }));
  },
});
