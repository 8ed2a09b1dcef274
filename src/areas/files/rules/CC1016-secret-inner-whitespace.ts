import { defineRule } from '../../../kernel/rule.js';
import { entryLines, iniFiles } from '../../../kernel/rule-helpers.js';

const CREDENTIAL_KEYS = new Set(['aws_secret_access_key', 'aws_session_token', 'aws_security_token']);

export default defineRule({
  code: 'CC1016',
  severity: 'error',
  title: 'Secret or token with whitespace inside',
  priority: 530,
  reads: ['files'],
  check(facts) {
    return iniFiles(facts).flatMap((file) =>
      entryLines(file)
        .filter((e) => CREDENTIAL_KEYS.has(e.key) && e.traits.innerWhitespace && e.section !== undefined)
        .map((e) => ({
          message: `The ${e.key} on line ${e.line} contains a space or tab inside it (${e.traits.length} characters). Secrets and tokens never do: the SDK signs with the whole value and AWS answers SignatureDoesNotMatch or InvalidClientTokenId.`,
          fix: `Paste the ${e.key} again on line ${e.line} of ${file.path} as one unbroken value (copying from a wrapped terminal or a PDF often inserts spaces).`,
          file: file.path,
          line: e.line,
          profile: e.section!,
        })),
    );
  },
});
