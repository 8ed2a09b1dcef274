import { defineRule } from '../../../kernel/rule.js';
import { fileFacts, whereKey } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1022',
  severity: 'error',
  title: 'web_identity_token_file does not exist or is not a file',
  priority: 590,
  reads: ['files'],
  check(facts) {
    const f = fileFacts(facts);
    if (!f) return [];
    return f.profiles.flatMap((p) => {
      const check = p.webIdentityTokenFile !== undefined ? f.paths[p.webIdentityTokenFile] : undefined;
      if (!check || (check.exists && check.isFile)) return [];
      return [{
        message: `Profile "${p.name}" reads its web identity token from ${check.path}, which ${check.exists ? 'is not a regular file' : 'does not exist'}${check.path.startsWith('~') ? ' ("~" is not expanded for this key)' : ''}. Assuming the role fails.`,
        fix: `Set web_identity_token_file under [${p.name}] to the absolute path of the token file (on EKS the token is mounted where AWS_WEB_IDENTITY_TOKEN_FILE points).`,
        profile: p.name,
        ...whereKey(p, 'web_identity_token_file'),
      }];
    });
  },
});
