import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSts, type StsIdentity, type StsOptions, type StsServer } from '../servers/sts.js';
import { startNtpServer, type NtpServerOptions } from '../servers/ntp.js';
import { startImds, type ImdsOptions, type ImdsServer } from '../servers/imds.js';
import { startBlackhole } from '../servers/blackhole.js';
import { startContainer, type ContainerOptions } from '../servers/container.js';
import { CANARY } from '../helpers/home.js';

/**
 * The stage one incident is played on: a throw-away HOME, the loopback servers it needs, and the
 * processes it starts. Everything registered here is torn down by close(), whatever happened.
 */
export class World {
  readonly home: string;
  /** Environment doctor runs with, on top of the safe defaults (every endpoint on loopback). */
  readonly env: Record<string, string> = {};
  private closers: Array<() => Promise<void> | void> = [];

  constructor(label: string) {
    this.home = mkdtempSync(join(tmpdir(), `cc-incident-${label}-`));
    mkdirSync(join(this.home, '.aws'));
    this.env.HOME = this.home;
  }

  path(...parts: string[]): string {
    return join(this.home, ...parts);
  }

  /** Writes ~/.aws/<name> (or any path under HOME) with 0600, as a user's tools would. */
  write(rel: string, text: string, mode = 0o600): string {
    const p = rel.startsWith('/') ? rel : join(this.home, rel);
    writeFileSync(p, text);
    chmodSync(p, mode);
    return p;
  }

  async sts(opts: Partial<StsOptions> & { identities?: StsIdentity[] } = {}): Promise<StsServer> {
    const s = await startSts({ identities: [], ...opts });
    this.closers.push(() => s.close());
    this.env.AWS_ENDPOINT_URL_STS = s.url;
    return s;
  }

  async ntp(opts: NtpServerOptions = {}): Promise<{ port: number }> {
    const n = await startNtpServer(opts);
    this.closers.push(() => n.close());
    this.env.CREDCHECK_NTP_SERVERS = [this.env.CREDCHECK_NTP_SERVERS, `127.0.0.1:${n.port}`].filter(Boolean).join(',');
    return n;
  }

  async imds(opts: ImdsOptions = {}): Promise<ImdsServer> {
    const i = await startImds(opts);
    this.closers.push(() => i.close());
    this.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = i.url;
    return i;
  }

  async container(opts: ContainerOptions = {}) {
    const c = await startContainer(opts);
    this.closers.push(() => c.close());
    return c;
  }

  async blackhole() {
    const b = await startBlackhole();
    this.closers.push(() => b.close());
    return b;
  }

  /** A long-running child process; killed on close. */
  spawn(cmd: string, args: string[], env: Record<string, string>): ChildProcess {
    const child = spawn(cmd, args, { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, stdio: ['ignore', 'pipe', 'ignore'] });
    this.closers.push(() => { child.kill('SIGKILL'); });
    return child;
  }

  async close(): Promise<void> {
    for (const c of this.closers.reverse()) await Promise.resolve(c()).catch(() => undefined);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for a child to print a line (it has read its credentials); bounded. */
export function readyLine(child: ChildProcess, timeoutMs = 15_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`child did not get ready within ${timeoutMs} ms: ${out}`)), timeoutMs);
    child.stdout?.on('data', (d) => {
      out += d;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(out.split('\n')[0]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child exited (${code}) before it was ready: ${out}`));
    });
  });
}

export const ACCOUNT = '123456789012';
export const KEYS = {
  userA: 'AKIAINCIDENTKEY0000A',
  userB: 'AKIAINCIDENTKEY0000B',
  sessionA: 'ASIAINCIDENTSESS000A',
};

export function staticProfile(name: string, keyId: string, secret: string, extra = ''): string {
  return `[${name}]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\n${extra}`;
}

export function userIdentity(keyId: string, secret: string, name = 'app'): StsIdentity {
  return { accessKeyId: keyId, secretAccessKey: secret, arn: `arn:aws:iam::${ACCOUNT}:user/${name}`, account: ACCOUNT, userId: `AIDA${name.toUpperCase()}` };
}

export { CANARY };
