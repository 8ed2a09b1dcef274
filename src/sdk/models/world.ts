/**
 * What a model of an SDK's credential chain reads: plain data, no I/O. credcheck's probes (or a
 * test) fill it in once; every model answers from the same snapshot, so `chain --sdk all` costs
 * one round of network and process resolution however many SDKs are asked.
 */
export type Outcome =
  | { ok: true; accessKeyId: string; expiration?: string; sessionToken?: boolean }
  | { ok: false; error: string };

export interface World {
  env: Record<string, string | undefined>;
  /** The home directory the SDKs would use (HOME as they read it). */
  home: string;
  /** Text of every file a model may read, by absolute path; a missing path is a missing file. */
  files: Record<string, string>;
  /** What each credential_process command line would produce. Missing: not run / unknown. */
  processes: Record<string, Outcome>;
  /** What answers the instance role request at each IMDS address ("host:port"); missing: nothing listens. */
  imds: Record<string, Outcome>;
  /** What each container credentials URL would answer. */
  containers: Record<string, Outcome>;
  /**
   * A profile the program names itself (credcheck's --profile): the JS SDK's `profile` option,
   * boto3's Session(profile_name=…), Ruby's `profile:` client option, Go's WithSharedConfigProfile,
   * Java's DefaultCredentialsProvider.builder().profileName(…). Each model says what it changes.
   */
  profile?: string;
  /** JVM system properties (-Daws.accessKeyId=…) when they can be seen; undefined: not visible (the usual case). */
  jvmProperties?: Record<string, string>;
  /** Source key ids that STS accepts for AssumeRole (the rest fail with InvalidClientTokenId); undefined: not checked, assumed accepted. */
  stsKnows?: string[];
}

/** Where the credentials come from, in one vocabulary for every SDK. */
export type Source = 'env' | 'static' | 'process' | 'assume-role' | 'web-identity' | 'sso' | 'container' | 'imds';

/** One link of an SDK's chain and what happened there. */
export interface LinkVerdict {
  link: string;
  /** won: supplied the credentials; skip: not configured; fell: tried, failed, chain went on; stop: failed and ended the chain. */
  status: 'won' | 'skip' | 'fell' | 'stop';
  why: string;
}

export interface Resolution {
  ok: boolean;
  source?: Source;
  /** Known key id; undefined when STS mints one (viaSts says for which role). */
  accessKeyId?: string;
  viaSts?: string;
  /** Which session token variable/key supplied the token (to show AWS_SECURITY_TOKEN vs AWS_SESSION_TOKEN). */
  tokenFrom?: string;
  profile?: string;
  expiration?: string;
  /** The SDK's error (class name as the SDK spells it) when ok is false. */
  error?: string;
  links: LinkVerdict[];
}

export interface SdkModel {
  sdk: 'js' | 'botocore' | 'ruby' | 'go' | 'java';
  /** The version whose source the model follows. */
  version: string;
  resolve(world: World): Resolution;
}

/** One SDK's answer as credcheck reports it (`chain` JSON `sdks[]`): key ids masked, never a secret. */
export interface SdkAnswer {
  sdk: SdkModel['sdk'];
  version: string;
  verifiedBy: 'oracle' | 'model';
  active: { source: string; profile?: string; accessKeyId?: string; viaSts?: string; expiration?: string } | null;
  error?: string;
  refresh: string;
  /** Other SDKs (of those asked) that end up with different credentials. */
  differsFrom: string[];
  links: LinkVerdict[];
}
