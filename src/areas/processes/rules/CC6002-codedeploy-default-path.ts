import { defineRule, need } from '../../../kernel/rule.js';
import { label } from './helpers.js';

/** The first seed, exactly: the Ruby SDK's singleton shared config never re-reads its default path. */
export default defineRule({
  code: 'CC6002',
  severity: 'error',
  title: 'CodeDeploy agent reads rotated credentials from the SDK default path',
  priority: 30,
  reads: ['processes'],
  check(facts) {
    return need(facts, 'processes').processes.flatMap((p) => {
      const pattern = p.patterns.find((x) => x.id === 'codedeploy-agent');
      const defaultPath = p.files.find((f) => f.kind === 'credentials')?.path ?? `${p.home ?? '/root'}/.aws/credentials`;
      if (!pattern?.awsCredentialsFile || pattern.awsCredentialsFile !== defaultPath) return [];
      return [{
        message: `${label(p)} has aws_credentials_file: ${pattern.awsCredentialsFile} in ${pattern.configPath}. That is the Ruby SDK's default path, so the agent's refresh goes through the SDK's cached shared config and never sees the keys the SSM agent writes every ~30 minutes: it fails with ExpiredTokenException about an hour after it starts.`,
        fix: `Give the agent a different path to the same file: ln -s ${pattern.awsCredentialsFile} /etc/codedeploy-agent/conf/credentials, set aws_credentials_file: /etc/codedeploy-agent/conf/credentials in ${pattern.configPath}, then systemctl restart codedeploy-agent.`,
        file: pattern.configPath,
        source: `pid ${p.pid}`,
      }];
    });
  },
});
