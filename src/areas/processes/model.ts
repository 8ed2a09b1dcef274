import { REFRESH, type SdkId } from '../../sdk/refresh.js';
import type { ProcessInfo, ProcessModel } from './facts.js';
import { profileKindIn } from './profile-kind.js';

/** /proc start times come from btime (1 s resolution): a rewrite must be clearly later. */
export const START_TIME_SLACK_MS = 2000;

const CHAIN_NOTE = 'precedence shared by the SDKs\' default chains (environment keys, then web identity from the environment, then the profile, then container, then instance role); the per-SDK chain models are not on main yet';

function fixFor(sdk: SdkId | undefined, p: ProcessInfo, rubyDefaultPath: boolean): string {
  // The agent is the program in front of us whatever runtime credcheck saw: its own fix.
  if (p.patterns[0]?.id === 'codedeploy-agent') {
    return 'Restart the agent now (systemctl restart codedeploy-agent); permanently, point aws_credentials_file in its config at a different path to the same file (a symlink, see CC6002), so aws-sdk-core parses it afresh on each refresh.';
  }
  if (!sdk) return 'Restart the process after each rotation, or give it credentials that refresh themselves (an instance or container role, or a role_arn profile).';
  if (sdk === 'ruby-v3' && rubyDefaultPath) return REFRESH['ruby-v3'].reloadFix;
  return `Restart it now; ${REFRESH[sdk].reloadFix}`;
}

/**
 * Applies the identified SDK's behaviour (src/sdk/refresh.ts) to this process: the source its
 * default chain took at start given its own environment and files, whether it can see a rotated
 * file, and what to do about it. Leaves the model out when nothing is known.
 */
export async function applySdkModel(p: ProcessInfo, env: Record<string, string>, kinds?: Map<string, Promise<unknown>>): Promise<ProcessModel | undefined> {
  const sdk = p.runtime?.sdk;
  const creds = p.files.find((f) => f.kind === 'credentials');
  const config = p.files.find((f) => f.kind === 'config');
  const startedMs = p.startedAt ? Date.parse(p.startedAt) : undefined;
  // Contents changed (mtime), as stale.ts decides: chmod/chown move only ctime and rotate nothing.
  const rewrittenMs = creds?.mtime ? Date.parse(creds.mtime) : undefined;
  const rewrittenAfterStart = startedMs !== undefined && rewrittenMs !== undefined ? rewrittenMs > startedMs + START_TIME_SLACK_MS : undefined;
  const behaviour = sdk ? REFRESH[sdk] : undefined;
  const model: ProcessModel = { chainModel: CHAIN_NOTE, source: 'unknown', sourceDetail: '' };
  if (rewrittenAfterStart !== undefined) model.fileRewrittenAfterStart = rewrittenAfterStart;
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    model.source = 'environment';
    model.sourceDetail = 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in its environment (fixed for its lifetime)';
    model.rereadsFile = false;
    model.refresh = 'never: keys from the environment are not refreshed by any SDK';
    const exp = env.AWS_CREDENTIAL_EXPIRATION ?? env.AWS_SESSION_EXPIRATION;
    if (exp) model.heldExpiry = exp;
    model.fix = 'Restart it with a profile or role that refreshes instead of exported keys (see CC6003).';
    return model;
  }
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE && env.AWS_ROLE_ARN) {
    model.source = 'web-identity';
    model.sourceDetail = `AssumeRoleWithWebIdentity with the token in ${env.AWS_WEB_IDENTITY_TOKEN_FILE}`;
    model.rereadsFile = true;
    model.refresh = behaviour ? `refreshed ${behaviour.refreshBeforeExpirySec / 60} min before expiry` : 'refreshed before expiry by every current SDK';
    return model;
  }
  const profile = p.profile?.name ?? 'default';
  const kindKey = `${creds?.path}\0${config?.path}\0${profile}`;
  if (creds && config && kinds && !kinds.has(kindKey)) kinds.set(kindKey, profileKindIn(creds.path, config.path, profile));
  const kind = creds && config
    ? ((await (kinds?.get(kindKey) ?? profileKindIn(creds.path, config.path, profile))) as Awaited<ReturnType<typeof profileKindIn>>)
    : { kind: 'none' as const };
  if (kind.kind === 'static') {
    model.source = 'shared-file-keys';
    model.sourceDetail = `static keys of profile ${profile} in ${kind.file ?? creds?.path}`;
    // Ruby: the singleton is used when the path equals shared_config.credentials_path, i.e. the
    // path this process's env resolves to; the CodeDeploy agent passes its aws_credentials_file.
    const rubyPath = p.patterns[0]?.awsCredentialsFile ?? creds?.path;
    const rubyDefaultPath = sdk === 'ruby-v3' && rubyPath === creds?.path;
    const agentRereads = sdk === 'ruby-v3' && !rubyDefaultPath && p.patterns[0]?.id === 'codedeploy-agent';
    model.rereadsFile = agentRereads ? true : behaviour?.rereadsRotatedFile;
    model.rereadWhy = !behaviour
      ? 'SDK not identified: whether it re-reads the file is unknown'
      : agentRereads
        ? `the agent re-creates Aws::SharedCredentials for ${rubyPath} every 30 minutes, and aws-sdk-core parses a non-default path afresh each time`
        : rubyDefaultPath
          ? `${rubyPath} is aws-sdk-core's shared-config path: ${behaviour.fileCachingNote}`
          : behaviour.fileCachingNote;
    model.refresh = 'never: keys from the file carry no expiry, so no SDK refreshes them on a timer';
    if (model.rereadsFile === false && rewrittenAfterStart) {
      model.heldExpiry = `unknown: it holds the keys the file had before ${creds?.mtime}; temporary keys (with aws_session_token) expire on the schedule of whoever wrote them`;
    }
    if (!agentRereads) model.fix = fixFor(sdk, p, rubyDefaultPath);
    return model;
  }
  if (kind.kind !== 'none') {
    model.source = `profile-${kind.kind}`;
    model.sourceDetail = `profile ${profile} (${kind.kind}) in ${kind.file ?? creds?.path}`;
    if (kind.kind === 'assume-role') {
      // The role's keys refresh, but with the source profile's keys read at start: a rotated
      // source key is not seen either. Unknown, not "fine".
      model.rereadWhy = 'the role credentials refresh before they expire, signed with the source profile\'s keys as read at start';
    } else {
      model.rereadsFile = true;
    }
    model.refresh = behaviour
      ? `refreshed ${behaviour.advisoryBeforeExpirySec ? `${behaviour.advisoryBeforeExpirySec / 60} min (advisory) / ` : ''}${behaviour.refreshBeforeExpirySec / 60} min before expiry`
      : 'refreshed before expiry (role, process and SSO credentials carry an expiry)';
    return model;
  }
  if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI) {
    model.source = 'container';
    model.sourceDetail = 'the container credentials endpoint named in its environment';
    model.rereadsFile = true;
    model.refresh = 'refreshed before expiry';
    return model;
  }
  model.source = 'instance-role-or-none';
  model.sourceDetail = `no keys in its environment and no usable profile ${profile} in its files: the instance role if there is one`;
  return model;
}
