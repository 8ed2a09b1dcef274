import { defineRule } from '../../../kernel/rule.js';
import { fileFacts } from '../../../kernel/rule-helpers.js';

export default defineRule({
  code: 'CC1031',
  severity: 'warning',
  title: 'Running under sudo: reading root\'s files, not yours',
  priority: 650,
  reads: ['files'],
  check(facts) {
    const f = fileFacts(facts);
    if (!f?.sudo?.userHasAwsFiles) return [];
    const mine = `${f.sudo.userHome}/.aws`;
    return [{
      message: `credcheck runs under sudo as root with HOME=${f.home.dir}, so it (and the SDK in any program started this way) reads ${f.credentials.path} and ${f.config.path}, not ${f.sudo.user}'s files in ${mine}.`,
      fix: `Run without sudo to check your own files, or keep your HOME under sudo (sudo -E, or sudo --preserve-env=HOME), or point AWS_SHARED_CREDENTIALS_FILE/AWS_CONFIG_FILE at ${mine}/credentials and ${mine}/config.`,
    }];
  },
});
