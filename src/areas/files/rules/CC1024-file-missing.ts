import { defineRule } from '../../../kernel/rule.js';
import { fileFacts } from '../../../kernel/rule-helpers.js';

const EXPLICIT = /^(\$|--)/;

export default defineRule({
  code: 'CC1024',
  severity: 'warning',
  title: 'Shared credentials/config file not found',
  priority: 340,
  reads: ['files'],
  check(facts) {
    const f = fileFacts(facts);
    if (!f) return [];
    const files = [f.credentials, f.config];
    const explicit = files.filter((file) => file.status === 'missing' && EXPLICIT.test(file.source));
    const hits = explicit.map((file) => ({
      message: `The ${file.kind} file was set explicitly (${file.source}) to ${file.path}, which ${file.detail ?? 'does not exist'}. The SDK silently treats a missing file as empty, so nothing in it is used.`,
      fix: `Fix the path in ${file.source} (an absolute path is safest; only a leading "~/" is expanded), or create the file.`,
      file: file.path,
    }));
    if (hits.length === 0 && files.every((file) => file.status === 'missing')) {
      return [{
        severity: 'info' as const,
        message: `Neither ${f.credentials.path} nor ${f.config.path} exists (home from ${f.home.source}: ${f.home.dir}). That is fine when credentials come from the environment, a container or an instance role.`,
        fix: 'To use profiles, run "aws configure" (or "aws configure sso") as the user who runs the program, or set AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE to where your files are.',
      }];
    }
    return hits;
  },
});
