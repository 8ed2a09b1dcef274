/** Facts gathered by `credcheck imds`: plain data, never a secret (keys are masked, secrets dropped). */
import type { DmiHint } from '../../sdk/ec2-host.js';
import type { ProxyFacts } from '../../sdk/proxy.js';

export type StepName = 'token' | 'v1-get' | 'role' | 'credentials' | 'iam-info' | 'identity';
export type StepStatus = 'ok' | 'http-error' | 'timeout' | 'refused' | 'error' | 'invalid' | 'skipped';

export interface ImdsStep {
  name: StepName;
  status: StepStatus;
  httpStatus?: number;
  ms: number;
  error?: string;
}

/** What /sys says about the machine: cheap, local, decides whether the network probe is worth it. */
export type { DmiHint };

/** Where the endpoint and the switches came from, exactly as the SDK resolves them. */
export interface ImdsConfig {
  endpoint: string;
  /** e.g. "--endpoint", "env AWS_EC2_METADATA_SERVICE_ENDPOINT", "config ec2_metadata_service_endpoint", "mode IPv4 (default)". */
  endpointSource: string;
  isDefaultEndpoint: boolean;
  /** AWS_EC2_METADATA_DISABLED set to anything but "false" (the Node chain then skips IMDS). */
  disabled: boolean;
  v1Disabled: boolean;
  v1DisabledSource?: string;
  problems: string[];
}

export interface ImdsCredentialFacts {
  code?: string;
  type?: string;
  accessKeyId?: string;
  lastUpdated?: string;
  expiration?: string;
  message?: string;
  hasSecret: boolean;
  hasToken: boolean;
}

export type { ProxyFacts };

export interface ContainerFacts {
  source: 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI' | 'AWS_CONTAINER_CREDENTIALS_FULL_URI';
  bothSet: boolean;
  url: string;
  kind: 'ecs' | 'eks-pod-identity' | 'loopback' | 'https' | 'not-allowed' | 'invalid-url';
  tokenSource?: 'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE' | 'AWS_CONTAINER_AUTHORIZATION_TOKEN';
  tokenProblem?: string;
  step?: ImdsStep;
  credentials?: { accessKeyId?: string; expiration?: string; roleArn?: string; hasSecret: boolean; hasToken: boolean };
}

export interface ImdsFacts {
  config: ImdsConfig;
  dmi: DmiHint;
  /** Why the network probe was skipped, if it was. */
  skipped?: string;
  reachable: boolean;
  imdsVersion: 'v2' | 'v1' | null;
  /** true: tokenless GETs are refused (HttpTokens=required). Unknown when not tested. */
  tokensRequired?: boolean;
  steps: ImdsStep[];
  role?: string;
  credentials?: ImdsCredentialFacts;
  instance?: { region?: string; accountId?: string; instanceId?: string; instanceProfileArn?: string };
  proxy?: ProxyFacts;
  container?: ContainerFacts;
  /** The SDK's own timeout per request (ms): answers slower than this fail in the SDK. */
  sdkTimeoutMs: number;
}
