/**
 * How each AWS SDK refreshes the credentials it holds and whether it re-reads the shared files.
 * One fact, one place: the process diagnosis (`doctor --pid`) and `chain --sdk` (src/sdk/models/catalog.ts)
 * read this; the chain models themselves hold no refresh constant.
 * Every claim cites the SDK source it was checked against (path in the SDK's own repository, at the
 * version named); the ones marked `verifiedHere` are also exercised against the real SDK in the tests.
 */

export type SdkId = 'js-v3' | 'botocore' | 'ruby-v3' | 'go-v2' | 'java-v2' | 'java-v1';

/** What a long-lived client does with keys it read from the shared credentials file. */
export type FileCaching =
  /** Read once per process and kept in a module-global cache (JS v3). */
  | 'per-process-cache'
  /** Read when the session resolves credentials; the session keeps the result (botocore). */
  | 'per-session'
  /** Read once into a process-wide singleton; reused for the default path (Ruby v3). */
  | 'singleton-default-path'
  /** Read once when the config is loaded (Go v2 LoadDefaultConfig, Java v2 default profile file). */
  | 'per-config-load'
  /** Re-read on a timer when the file changed (Java 1.x ProfileCredentialsProvider). */
  | 'polled';

export interface Citation {
  repo: string;
  path: string;
  /** Version or module the line was read at. */
  at: string;
  what: string;
}

export interface RefreshBehaviour {
  sdk: SdkId;
  name: string;
  /** Credentials with an expiry are refreshed this many seconds before it (mandatory/blocking). */
  refreshBeforeExpirySec: number;
  /** An earlier, non-blocking refresh attempt (botocore's advisory window, Java's prefetch). */
  advisoryBeforeExpirySec?: number;
  /** A background refresh (Ruby's async_refresh). */
  backgroundBeforeExpirySec?: number;
  refreshNote: string;
  fileCaching: FileCaching;
  fileCachingNote: string;
  /** fileCachingNote in a few words, for one line of `chain --sdk`. */
  fileCachingShort: string;
  /** Keys from the file without an expiry: does a running client ever pick up a rotated file? */
  rereadsRotatedFile: boolean;
  /** The SDK's own way to have a long-lived program follow a rotated file. */
  reloadFix: string;
  /** Checked against the real SDK in this repository's tests (test/e2e/process-sdks.test.ts). */
  verifiedHere: boolean;
  sources: Citation[];
}

export const REFRESH: Record<SdkId, RefreshBehaviour> = {
  'js-v3': {
    sdk: 'js-v3',
    name: 'AWS SDK for JavaScript v3',
    refreshBeforeExpirySec: 300,
    refreshNote: 'A client memoizes its credential provider: credentials with an expiration are fetched again within 5 minutes of it; credentials without one are kept for the life of the client.',
    fileCaching: 'per-process-cache',
    fileCachingShort: 'cached per process, per path (until ignoreCache)',
    fileCachingNote: 'The shared files are read once per process and path (a module-global promise cache in the shared-ini-file-loader): even a new client gets the keys read first. A read with ignoreCache: true replaces that cache for every later reader in the process.',
    rereadsRotatedFile: false,
    reloadFix: 'Give the client a provider that re-reads and expires: credentials: async () => ({ ...(await fromIni({ ignoreCache: true })()), expiration: new Date(Date.now() + 10 * 60_000) }) — fromIni({ ignoreCache: true }) alone is not enough, because keys without an expiration are memoized by the client forever; or use a profile whose credentials expire (role_arn, credential_process with Expiration).',
    verifiedHere: true,
    sources: [
      { repo: 'smithy-lang/smithy-typescript', path: 'packages/core/src/submodules/config/shared-ini-file-loader/readFile.ts', at: '@smithy/core 3.41.0', what: 'filePromises[path] reused unless options.ignoreCache' },
      { repo: 'smithy-lang/smithy-typescript', path: 'packages/core/src/util-identity-and-auth/memoizeIdentityProvider.ts (dist-es/legacy-root-exports in the package)', at: '@smithy/core 3.41.0', what: 'EXPIRATION_MS = 300_000; an identity without expiration becomes constant' },
      { repo: 'aws/aws-sdk-js-v3', path: 'packages/credential-provider-node/src/defaultProvider.ts', at: '@aws-sdk/credential-provider-node 3.972.97', what: 'credentialsTreatedAsExpired: expiration − now < 300000' },
    ],
  },
  botocore: {
    sdk: 'botocore',
    name: 'botocore (boto3, AWS CLI)',
    refreshBeforeExpirySec: 600,
    advisoryBeforeExpirySec: 900,
    refreshNote: 'RefreshableCredentials (assume-role, web identity, SSO, container, IMDS, credential_process with an expiry) refresh 15 minutes before expiry (advisory, one thread tries) and 10 minutes before (mandatory, all wait).',
    fileCaching: 'per-session',
    fileCachingShort: 'read once per Session',
    fileCachingNote: 'Keys from the shared credentials file become plain Credentials, resolved once when a Session first needs them and kept by that Session (and its clients); the file is read again only by a new Session.',
    rereadsRotatedFile: false,
    reloadFix: 'Create a new boto3.Session() (and new clients) when a call fails with ExpiredToken, or use a profile whose credentials refresh (role_arn + source_profile, credential_process printing an Expiration): botocore wraps those in RefreshableCredentials.',
    verifiedHere: true,
    sources: [
      { repo: 'boto/botocore', path: 'botocore/credentials.py', at: '1.43.11', what: '_DEFAULT_ADVISORY_REFRESH_TIMEOUT = 15 * 60, _DEFAULT_MANDATORY_REFRESH_TIMEOUT = 10 * 60; SharedCredentialProvider.load returns Credentials (not refreshable)' },
      { repo: 'boto/botocore', path: 'botocore/session.py', at: '1.43.11', what: 'Session.get_credentials caches self._credentials after the first load' },
    ],
  },
  'ruby-v3': {
    sdk: 'ruby-v3',
    name: 'AWS SDK for Ruby v3 (aws-sdk-core)',
    refreshBeforeExpirySec: 300,
    backgroundBeforeExpirySec: 600,
    refreshNote: 'RefreshingCredentials (assume-role, IMDS, ECS, process) refresh synchronously within 5 minutes of expiry, and in the background from 10 minutes when async refresh is on.',
    fileCaching: 'singleton-default-path',
    fileCachingShort: 'read by Aws.shared_config: once per process',
    fileCachingNote: 'Aws.shared_config is parsed once per process. Aws::SharedCredentials.new reuses it whenever its path equals the shared config\'s credentials path (~/.aws/credentials, or $AWS_SHARED_CREDENTIALS_FILE): even a new client or a new SharedCredentials object returns the keys read at start. Any other path is parsed afresh each time.',
    rereadsRotatedFile: false,
    reloadFix: 'Restart the process; permanently, have it read the file through a different path (a symlink such as /etc/<app>/credentials → ~/.aws/credentials, passed as Aws::SharedCredentials.new(path: …)), or call Aws.shared_config.fresh before re-creating credentials.',
    verifiedHere: true,
    sources: [
      { repo: 'aws/aws-sdk-ruby', path: 'gems/aws-sdk-core/lib/aws-sdk-core.rb', at: 'aws-sdk-core 3.168.1 (Debian)', what: 'def shared_config: @shared_config ||= SharedConfig.new' },
      { repo: 'aws/aws-sdk-ruby', path: 'gems/aws-sdk-core/lib/aws-sdk-core/shared_credentials.rb', at: 'aws-sdk-core 3.168.1 (Debian)', what: 'if @path == shared_config.credentials_path then shared_config.credentials (cached) else SharedConfig.new' },
      { repo: 'aws/aws-sdk-ruby', path: 'gems/aws-sdk-core/lib/aws-sdk-core/refreshing_credentials.rb', at: 'aws-sdk-core 3.168.1 (Debian)', what: 'SYNC_EXPIRATION_LENGTH = 300; ASYNC_EXPIRATION_LENGTH = 600' },
    ],
  },
  'go-v2': {
    sdk: 'go-v2',
    name: 'AWS SDK for Go v2',
    refreshBeforeExpirySec: 0,
    refreshNote: 'config.LoadDefaultConfig wraps the provider in aws.CredentialsCache: credentials that can expire are fetched again once expired minus ExpiryWindow (0 by default; 5 minutes for the container endpoint); static keys (CanExpire false) are never fetched again.',
    fileCaching: 'per-config-load',
    fileCachingShort: 'read on each LoadDefaultConfig; default paths fixed at start-up',
    fileCachingNote: 'The shared files are read once by config.LoadDefaultConfig; the aws.Config it returns keeps the keys it found.',
    rereadsRotatedFile: false,
    reloadFix: 'Call config.LoadDefaultConfig again (a new aws.Config and clients) after an ExpiredToken error, or use a profile whose credentials expire (role_arn → stscreds, credential_process with Expiration): aws.CredentialsCache refreshes those (set ExpiryWindow via config.WithCredentialsCacheOptions).',
    verifiedHere: true,
    sources: [
      { repo: 'aws/aws-sdk-go-v2', path: 'aws/credential_cache.go', at: 'v1.17.1 (Debian)', what: 'Retrieve returns cached creds while !creds.Expired(); ExpiryWindow' },
      { repo: 'aws/aws-sdk-go-v2', path: 'aws/credentials.go', at: 'v1.17.1 (Debian)', what: 'Expired() is false unless CanExpire' },
      { repo: 'aws/aws-sdk-go-v2', path: 'config/resolve_credentials.go', at: 'v1.17.1 (Debian)', what: 'wrapWithCredentialsCache; endpoint creds ExpiryWindow = 5 * time.Minute' },
    ],
  },
  'java-v2': {
    sdk: 'java-v2',
    name: 'AWS SDK for Java 2.x',
    refreshBeforeExpirySec: 60,
    advisoryBeforeExpirySec: 300,
    refreshNote: 'Refreshing providers cache through CachedSupplier: one caller refreshes from the prefetch time, all callers block from the stale time. STS and SSO: prefetch 5 min, stale 1 min before expiry; container: stale 1 min, prefetch 15 min before expiry (at most 1 h after the fetch); instance profile: the windows changed across 2.x releases (one refreshes at most 5 minutes after each fetch, another in tiers of 30/10/5 minutes), and expired credentials are kept while IMDS is down, with a new try about every 5 minutes.',
    fileCaching: 'per-config-load',
    fileCachingShort: 'read once when the provider is built (ProfileFile.defaultProfileFile)',
    fileCachingNote: 'DefaultCredentialsProvider\'s ProfileCredentialsProvider loads ProfileFile.defaultProfileFile() once; a rotated file is read again only with a ProfileFileSupplier that reloads (ProfileFileSupplier.reloadWhenModified / defaultSupplier).',
    rereadsRotatedFile: false,
    reloadFix: 'Build the provider with a reloading supplier: ProfileCredentialsProvider.builder().profileFile(ProfileFileSupplier.defaultSupplier()).build() (re-reads when the file\'s modification time changes).',
    verifiedHere: false,
    sources: [
      { repo: 'aws/aws-sdk-java-v2', path: 'core/auth/src/main/java/software/amazon/awssdk/auth/credentials/ProfileCredentialsProvider.java', at: '2.x', what: 'defaultProfileFileLoader = ProfileFile::defaultProfileFile' },
      { repo: 'aws/aws-sdk-java-v2', path: 'core/profiles/src/main/java/software/amazon/awssdk/profiles/ProfileFileSupplier.java', at: '2.x', what: 'reloadWhenModified / defaultSupplier return a new ProfileFile once the disk file changed' },
      { repo: 'aws/aws-sdk-java-v2', path: 'services/sts/src/main/java/software/amazon/awssdk/services/sts/auth/StsCredentialsProvider.java', at: '2.3x', what: 'DEFAULT_STALE_TIME = Duration.ofMinutes(1); DEFAULT_PREFETCH_TIME = Duration.ofMinutes(5) (SsoCredentialsProvider: the same)' },
      { repo: 'aws/aws-sdk-java-v2', path: 'core/auth/src/main/java/software/amazon/awssdk/auth/credentials/ContainerCredentialsProvider.java', at: '2.2x', what: 'staleTime: expiration − 1 min; prefetchTime: min(now + 1 h, expiration − 15 min) (newer: CacheRefreshUtils.computePrefetchWindow)' },
      { repo: 'aws/aws-sdk-java-v2', path: 'core/auth/src/main/java/software/amazon/awssdk/auth/credentials/InstanceProfileCredentialsProvider.java', at: '2.x (several versions)', what: 'refreshCredentials: staleTime Instant.MAX / null ("Allow use of expired credentials"); prefetchTime now + min(remaining / 2, 5 min), or tiers 30/10/5 min; "A refresh of these credentials will be attempted again in ~5 minutes"' },
    ],
  },
  'java-v1': {
    sdk: 'java-v1',
    name: 'AWS SDK for Java 1.x',
    refreshBeforeExpirySec: 300,
    refreshNote: 'Session credentials providers refresh a few minutes before expiry (provider-specific).',
    fileCaching: 'polled',
    fileCachingShort: 're-read within 10 minutes',
    fileCachingNote: 'ProfileCredentialsProvider re-reads the profiles file when it is older than 5 minutes (one thread) and always after 10 minutes: a rotated file is picked up within 10 minutes.',
    rereadsRotatedFile: true,
    reloadFix: 'None needed for the profile provider (it re-reads within 10 minutes); if the program built BasicSessionCredentials itself, rebuild them from a ProfileCredentialsProvider.',
    verifiedHere: false,
    sources: [
      { repo: 'aws/aws-sdk-java', path: 'aws-java-sdk-core/src/main/java/com/amazonaws/auth/profile/ProfileCredentialsProvider.java', at: '1.12.x', what: 'REFRESH_INTERVAL_NANOS = 5 min; FORCE_RELOAD_INTERVAL_NANOS = 2 × that' },
    ],
  },
};

export function refreshOf(sdk: SdkId): RefreshBehaviour {
  return REFRESH[sdk];
}
