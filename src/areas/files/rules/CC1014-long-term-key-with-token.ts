import { defineRule } from '../../../kernel/rule.js';
import { profilesOf, whereKey } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1014',
  severity: 'warning',
  title: 'Long-term (AKIA) key with a session token',
  priority: 510,
  reads: ['files'],
  check(facts) {
    return profilesOf(facts)
      .filter((p) => p.keyType === 'long-term' && p.hasSessionToken)
      .map((p) => ({
        message: `Profile "${p.name}" pairs a long-term key id (${p.accessKeyId}) with an aws_session_token. A session token belongs to a temporary ASIA key; AWS normally rejects an AKIA key sent with one (InvalidClientTokenId), and the key id and token are probably from different logins.`,
        fix: `If the key is long-term, delete aws_session_token under [${p.name}]; if you meant temporary credentials, paste all three values (ASIA key id, secret, token) from the same session.`,
        profile: p.name,
        ...whereKey(p, 'aws_session_token'),
      }));
  },
});
