/**
 * Ground truth for the chain matrix: runs the real fromNodeProviderChain() in a fresh process
 * (no credcheck code loaded, no interception) and prints which source won and its key id.
 * Never prints a secret. Usage: node sdk-chain-child.js [profile]
 */
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { sdkSourceOf } from '../../src/sdk/sources.js';

const profile = process.argv[2] || undefined;
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
try {
  const c = (await fromNodeProviderChain({ profile, logger: quiet })()) as { accessKeyId: string; $source?: Record<string, string> };
  process.stdout.write(JSON.stringify({ ok: true, accessKeyId: c.accessKeyId, source: sdkSourceOf(c.$source) }));
} catch (e) {
  process.stdout.write(JSON.stringify({ ok: false, error: String((e as Error).message).split('\n')[0] }));
}
process.exit(0);
