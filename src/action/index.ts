import { CLI_ROLE, runAction } from './main.js';

// One bundle, two roles: the action (what the runner starts) and, in its child, the CLI.
// (No top-level await: the bundle is CommonJS.)
if (process.env[CLI_ROLE] === 'cli') {
  void import('../cli.js');
} else {
  void runAction().then((code) => {
    process.exitCode = code;
  });
}
