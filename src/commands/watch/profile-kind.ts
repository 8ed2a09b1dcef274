import { readSafely } from '../../areas/files/read.js';
import { feedSdk, sdkView } from '../../areas/files/sdk-view.js';

/**
 * watch follows keys written to a file. A profile whose credentials come from somewhere else is
 * named here, with what to watch instead. The order is @aws-sdk/credential-provider-ini's
 * resolveProfileData: role (role_arn with source_profile or credential_source) before static keys,
 * then web identity, credential_process, SSO.
 */
export async function notFileKeys(credentialsPath: string, configPath: string, profile: string): Promise<string | undefined> {
  const [cred, conf] = await Promise.all([readSafely(credentialsPath), readSafely(configPath)]);
  if (cred.status === 'ok' && cred.text !== undefined) feedSdk(credentialsPath, cred.text);
  if (conf.status === 'ok' && conf.text !== undefined) feedSdk(configPath, conf.text);
  let merged: Record<string, string> | undefined;
  try {
    const view = await sdkView(credentialsPath, configPath);
    const c = view.credentialsFile[profile];
    const k = view.configFile[profile];
    if (c || k) merged = { ...(k ?? {}), ...(c ?? {}) };
  } catch {
    return undefined; // unreadable files are the follower's finding, not ours
  }
  if (!merged) return undefined;
  const p = `profile ${profile}`;
  if (merged.role_arn && merged.credential_source) {
    const where = merged.credential_source === 'Ec2InstanceMetadata' ? 'watch --imds' : merged.credential_source === 'EcsContainer' ? 'watch --container' : 'watch the environment of the process (--pid)';
    return `${p} assumes ${merged.role_arn} with credential_source ${merged.credential_source}: its keys are never in a file; ${where} for the source credentials, and --validate to check them`;
  }
  if (merged.role_arn && merged.source_profile) {
    return `${p} assumes a role (role_arn) from profile ${merged.source_profile}: its keys are never in a file; watch --profile ${merged.source_profile} (the source keys) with --validate`;
  }
  if (merged.aws_access_key_id && merged.aws_secret_access_key) return undefined;
  if (merged.role_arn && merged.web_identity_token_file) {
    return `${p} uses web identity (web_identity_token_file ${merged.web_identity_token_file}): the SDK exchanges the token on each refresh; its keys are never in a file; run credcheck doctor --profile ${profile}`;
  }
  if (merged.credential_process) {
    return `${p} runs a credential_process: the keys live in the SDK's memory, never in a file; watch the consumer (--pid or --process) or run credcheck doctor --profile ${profile}`;
  }
  if (merged.sso_session || merged.sso_start_url || merged.sso_account_id) {
    const login = merged.sso_session ? `aws sso login --sso-session ${merged.sso_session}` : `aws sso login --profile ${profile}`;
    return `${p} is an SSO profile: its keys come from the SSO token cache, never from a file; run credcheck doctor --profile ${profile}, and ${login} when the token expires`;
  }
  return undefined;
}
