import { defineRule } from '../../../kernel/rule.js';
import { formatDuration } from '../../../kernel/duration.js';
import { profilesOf } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1032',
  severity: 'error',
  title: 'Profile credentials have expired',
  priority: 610,
  reads: ['files'],
  check(facts) {
    const now = Date.parse(facts.now);
    return profilesOf(facts).flatMap((p) => {
      const e = p.expiration;
      if (!e?.iso || Date.parse(e.iso) > now) return [];
      return [{
        message: `Profile "${p.name}" records ${e.key} = ${e.raw}: its credentials expired ${formatDuration(now - Date.parse(e.iso))} ago${e.assumedUtc ? ' (no time zone written; read as UTC)' : ''}. AWS will answer ExpiredToken.`,
        fix: `Refresh them with the tool that wrote [${p.name}] (e.g. saml2aws login, aws-mfa, gimme-aws-creds, aws-vault), then check again.`,
        profile: p.name,
        file: e.file,
        ...(e.line !== undefined ? { line: e.line } : {}),
      }];
    });
  },
});
