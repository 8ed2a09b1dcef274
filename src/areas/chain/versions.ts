import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { embeddedFile, isSingleExecutable } from '../../kernel/embedded.js';

/** The packages whose code decides the chain; their versions are stated in --help and JSON. */
export const MODELLED_PACKAGES = [
  '@aws-sdk/credential-providers',
  '@aws-sdk/credential-provider-node',
  '@aws-sdk/credential-provider-env',
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-web-identity',
  '@aws-sdk/credential-provider-http',
  '@smithy/credential-provider-imds',
  '@smithy/core',
] as const;

/** Read at run time from node_modules/<pkg>/package.json, so the claim is never stale. */
export function sdkVersions(): Record<string, string> {
  // The single executable has no node_modules: `npm run dist` records these versions as it bundles.
  if (isSingleExecutable()) return JSON.parse(embeddedFile('sdk-versions.json') ?? '{}') as Record<string, string>;
  const require = createRequire(import.meta.url);
  const out: Record<string, string> = {};
  for (const pkg of MODELLED_PACKAGES) {
    try {
      // package.json is not always exported; find the package directory from its main entry.
      const main = require.resolve(pkg);
      const dir = main.slice(0, main.lastIndexOf(`/node_modules/${pkg}/`) + `/node_modules/${pkg}/`.length);
      out[pkg] = (JSON.parse(readFileSync(`${dir}package.json`, 'utf8')) as { version: string }).version;
    } catch {
      out[pkg] = 'unknown';
    }
  }
  return out;
}
