/**
 * A throw-away CA and a server certificate for 127.0.0.1/localhost, generated at test time with the
 * `openssl` CLI (node:crypto cannot issue X.509 certificates). Lets tests play a corporate
 * TLS-intercepting proxy: a server whose chain Node does not trust until the CA is supplied.
 *
 * API
 *   makeTlsFixture() => TlsFixture
 *   TlsFixture = { dir; caFile (PEM path); caPem; key (PEM); cert (PEM) }
 *   hasOpenssl() => boolean
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TlsFixture {
  dir: string;
  caFile: string;
  caPem: string;
  key: string;
  cert: string;
}

export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let cached: TlsFixture | undefined;

export function makeTlsFixture(): TlsFixture {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'credcheck-tls-'));
  const p = (f: string) => join(dir, f);
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', p('ca.key'), '-out', p('ca.pem'), '-days', '2', '-subj', '/CN=credcheck test MITM CA']);
  run(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', p('server.key'), '-out', p('server.csr'), '-subj', '/CN=localhost']);
  writeFileSync(p('ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n');
  run(['x509', '-req', '-in', p('server.csr'), '-CA', p('ca.pem'), '-CAkey', p('ca.key'), '-CAcreateserial', '-out', p('server.pem'), '-days', '2', '-extfile', p('ext.cnf')]);
  cached = { dir, caFile: p('ca.pem'), caPem: readFileSync(p('ca.pem'), 'utf8'), key: readFileSync(p('server.key'), 'utf8'), cert: readFileSync(p('server.pem'), 'utf8') };
  return cached;
}
