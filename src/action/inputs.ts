/**
 * The action's inputs, as the runner passes them: environment variables INPUT_<NAME> with the
 * name upper-cased (hyphens kept, spaces made underscores). An unset input is an empty string.
 */
export interface ActionInputs {
  minTtl: string;
  expectedAccounts: string[];
  expectedArn: string;
  strict: boolean;
  profile: string;
  failOn: string;
}

function input(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** YAML booleans the way GitHub's toolkit reads them (core.getBooleanInput). */
function booleanInput(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = input(env, name);
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE', ''].includes(value)) return false;
  throw new Error(`input ${name} must be true or false, not "${value}"`);
}

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  return {
    minTtl: input(env, 'min-ttl'),
    // Several accounts: one a line or comma-separated, as multi-line YAML makes easy.
    expectedAccounts: input(env, 'expected-account').split(/[\s,]+/).filter(Boolean),
    expectedArn: input(env, 'expected-arn'),
    strict: booleanInput(env, 'strict'),
    profile: input(env, 'profile'),
    failOn: input(env, 'fail-on'),
  };
}

/** The `credcheck preflight` arguments for these inputs (JSON out: the action renders it). */
export function preflightArgs(inputs: ActionInputs): string[] {
  const args = ['preflight', '--json'];
  if (inputs.minTtl) args.push('--min-ttl', inputs.minTtl);
  for (const account of inputs.expectedAccounts) args.push('--expect-account', account);
  if (inputs.expectedArn) args.push('--expect-arn', inputs.expectedArn);
  if (inputs.strict) args.push('--strict');
  if (inputs.profile) args.push('--profile', inputs.profile);
  if (inputs.failOn) args.push('--fail-on', inputs.failOn);
  return args;
}
