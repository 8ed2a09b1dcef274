import { defineRule } from '../../../kernel/rule.js';
import { fileFacts, listNames, whereKey } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1018',
  severity: 'error',
  title: 'source_profile or sso_session names a section that does not exist',
  priority: 550,
  reads: ['files'],
  check(facts) {
    const f = fileFacts(facts);
    if (!f) return [];
    const names = f.profiles.map((p) => p.name);
    const sessions = new Set(f.config.lines.flatMap((l) => (l.type === 'section' && l.sdkName?.startsWith('sso-session.') ? [l.sdkName.slice(12)] : [])));
    return f.profiles.flatMap((p) => {
      const hits = [];
      if (p.sourceProfile !== undefined && !names.includes(p.sourceProfile)) {
        hits.push({
          message: `Profile "${p.name}" takes its source credentials from source_profile = ${p.sourceProfile}, but no profile "${p.sourceProfile}" exists (profiles: ${listNames(names)}). Assuming the role fails.`,
          fix: `Set source_profile under [${p.name}] to one of: ${listNames(names)} — or add a [${p.sourceProfile}] section with keys to the credentials file.`,
          profile: p.name,
          ...whereKey(p, 'source_profile'),
        });
      }
      if (p.ssoSession !== undefined && !sessions.has(p.ssoSession)) {
        hits.push({
          message: `Profile "${p.name}" refers to sso_session = ${p.ssoSession}, but the config file has no [sso-session ${p.ssoSession}] section (sessions: ${listNames([...sessions])}). SSO login and credentials fail.`,
          fix: `Add an [sso-session ${p.ssoSession}] section with sso_start_url and sso_region to ${f.config.path} (aws configure sso-session writes one), or fix the name.`,
          profile: p.name,
          ...whereKey(p, 'sso_session'),
        });
      }
      return hits;
    });
  },
});
