/**
 * JS oracle: the real fromNodeProviderChain() from node_modules, one set-up after another in this
 * process, each with its own process.env (file paths differ per set-up, so the loader's per-path
 * cache never serves one set-up's files to another). Prints an OracleReport; never a secret.
 * Usage: node js-oracle.js CASES.json
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { OracleAnswer, OracleCase, OracleSource } from './types.js';

const offLoopback: string[] = [];
// Guard: refuse and record any connection that is not to loopback.
const connect = net.Socket.prototype.connect as (...a: unknown[]) => net.Socket;
net.Socket.prototype.connect = function guarded(this: net.Socket, ...args: unknown[]) {
  const o = args[0];
  const host = typeof o === 'object' && o !== null && !Array.isArray(o) ? (o as { host?: string; path?: string }).host ?? ((o as { path?: string }).path ? 'unix' : 'localhost') : typeof args[1] === 'string' ? args[1] : 'localhost';
  if (!host.startsWith('127.') && !['localhost', '::1', 'unix'].includes(host)) {
    offLoopback.push(host);
    process.nextTick(() => this.destroy(new Error(`oracle guard: ${host} is not loopback`)));
    return this;
  }
  return connect.apply(this, args);
} as typeof net.Socket.prototype.connect;
process.on('unhandledRejection', () => {}); // the SDK leaves one for MFA profiles with a broken source

/** $source feature flags → the oracle vocabulary (flags are internal: checked per set-up by the key id too). */
function sourceOf(flags: Record<string, string> | undefined): OracleSource {
  const f = Object.keys(flags ?? {});
  const has = (s: string) => f.some((k) => k.includes(s));
  if (has('WEB_ID')) return 'web-identity';
  if (has('STS_ASSUME_ROLE')) return 'assume-role';
  if (has('SSO')) return 'sso';
  if (has('PROCESS')) return 'process';
  if (has('CREDENTIALS_PROFILE')) return 'static';
  if (has('ENV_VARS')) return 'env';
  if (has('HTTP')) return 'container';
  return 'imds';
}

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const cases = JSON.parse(readFileSync(process.argv[2], 'utf8')) as OracleCase[];
const answers: OracleAnswer[] = [];
for (const c of cases) {
  process.env = { ...c.env };
  offLoopback.length = 0;
  try {
    // A profile named in code (credcheck's --profile): the chain's profile option.
    const creds = (await fromNodeProviderChain({ logger: quiet, ...(c.profile ? { profile: c.profile } : {}) })()) as { accessKeyId: string; sessionToken?: string; $source?: Record<string, string> };
    const tokenHash = creds.sessionToken ? createHash('sha256').update(creds.sessionToken).digest('hex').slice(0, 12) : undefined;
    answers.push({ name: c.name, ok: true, source: sourceOf(creds.$source), accessKeyId: creds.accessKeyId, tokenHash, offLoopback: [...offLoopback] });
  } catch (e) {
    answers.push({ name: c.name, ok: false, error: (e as Error).name, offLoopback: [...offLoopback] });
  }
}
const require = createRequire(import.meta.url);
const version = (require('@aws-sdk/credential-provider-node/package.json') as { version: string }).version;
process.stdout.write(JSON.stringify({ sdk: 'js', version, answers }));
process.exit(0);
