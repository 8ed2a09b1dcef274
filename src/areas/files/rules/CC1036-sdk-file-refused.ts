import { defineRule } from '../../../kernel/rule.js';
import { okValue } from '../../../kernel/probe.js';
import { describeRefusal } from '../../../kernel/bounded-read.js';

/** What to point where, by the kind of file refused. */
function fixFor(why: string, path: string): string {
  if (/AWS_WEB_IDENTITY_TOKEN_FILE|web identity/.test(why)) return `Point AWS_WEB_IDENTITY_TOKEN_FILE (or the profile's web_identity_token_file) at the regular file your platform writes the token to, not ${path}.`;
  if (/AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE/.test(why)) return `Point AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE at the regular file holding the token (EKS Pod Identity mounts one), not ${path}.`;
  if (/AWS_CA_BUNDLE/.test(why)) return `Point AWS_CA_BUNDLE at a PEM file of certificates, not ${path}.`;
  if (/SSO/.test(why)) return `Remove ${path} and run "aws sso login" to write a fresh token cache.`;
  return `Replace ${path} with a regular file, or point the variable that names it elsewhere.`;
}

/**
 * A file the SDK would open (token file, CA bundle, SSO cache, …) is a FIFO, device, /proc file or
 * far too large: credcheck did not read it and did not let the SDK read it. The shared credentials
 * and config files have their own codes (CC1026, CC1027) when the files area ran.
 */
export default defineRule({
  code: 'CC1036',
  severity: 'error',
  title: 'A file the SDK would read is not a readable regular file: not read',
  priority: 312,
  reads: ['io'],
  check(facts) {
    const files = okValue(facts.files);
    const covered = new Set(files ? [files.credentials.path, files.config.path] : []);
    const seen = new Set<string>();
    const hits = [];
    for (const r of facts.io?.refusals ?? []) {
      if (r.kind !== 'read' || covered.has(r.path) || seen.has(r.path)) continue;
      seen.add(r.path);
      const how = r.status ? describeRefusal({ status: r.status as never, ...(r.fileType ? { fileType: r.fileType } : {}), ...(r.size !== undefined ? { size: r.size } : {}), ...(r.detail ? { detail: r.detail } : {}) }) : r.why;
      hits.push({
        message: `${r.why === how ? 'A file' : r.why} ${r.path} was not read: ${how}. The SDK would have blocked or read without limit here; credcheck gave it nothing instead, so whatever depends on this file could not be checked.`,
        fix: fixFor(r.why, r.path),
        file: r.path,
      });
    }
    return hits;
  },
});
