import type { Finding } from '../kernel/finding.js';
import type { Check } from '../commands/preflight/checks.js';
import type { PreflightInputs } from '../commands/preflight/inputs.js';
import type { Annotation } from './runner.js';

/** What `credcheck preflight --json` prints, as far as the action reads it. */
export interface PreflightDocument {
  checks: Check[];
  inputs: PreflightInputs;
  findings: Finding[];
}

/** The step outputs; unknown values are empty strings, as GitHub expressions expect. */
export function stepOutputs(doc: PreflightDocument, now: Date): Record<string, string> {
  const identity = doc.inputs.identity?.ok ? doc.inputs.identity : undefined;
  const expiration = doc.inputs.credentials?.expiration ?? '';
  const ttl = expiration ? Math.floor((Date.parse(expiration) - now.getTime()) / 1000) : undefined;
  return {
    account: identity?.account ?? '',
    arn: identity?.arn ?? '',
    source: doc.inputs.credentials?.source ?? '',
    expiration,
    'ttl-seconds': ttl === undefined || Number.isNaN(ttl) ? '' : String(ttl),
  };
}

export function findingAnnotations(findings: Finding[]): Annotation[] {
  return findings.map((f) => ({
    level: f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice',
    title: `${f.code} ${f.title}`,
    message: `${f.message}\nFix: ${f.fix}`,
    ...(f.file !== undefined && { file: f.file }),
    ...(f.line !== undefined && { line: f.line }),
  }));
}

/**
 * Without `permissions: id-token: write` the runner does not set ACTIONS_ID_TOKEN_REQUEST_URL,
 * so no step can get an OIDC token for AWS. Said when the job looks like it relies on OIDC: a
 * web identity role is configured, or no credentials were found at all (with no long-term keys
 * in secrets, OIDC is how a GitHub job gets AWS credentials).
 */
export function missingIdTokenPermission(doc: PreflightDocument, env: NodeJS.ProcessEnv): Annotation | undefined {
  if (env.ACTIONS_ID_TOKEN_REQUEST_URL) return undefined;
  const oidcConfigured = Boolean(env.AWS_ROLE_ARN || env.AWS_WEB_IDENTITY_TOKEN_FILE);
  if (!oidcConfigured && doc.inputs.credentials) return undefined;
  return {
    level: oidcConfigured ? 'error' : 'warning',
    title: 'OIDC token unavailable',
    message: 'ACTIONS_ID_TOKEN_REQUEST_URL is unset: this job cannot request an OIDC token for AWS. If it gets AWS credentials through OIDC, add permissions: id-token: write to the job (or the workflow).',
  };
}
