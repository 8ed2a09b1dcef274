/**
 * One oracle run: loopback servers (STS that knows the base key, IMDS with and without an
 * instance role, a container endpoint), every set-up laid out once, every SDK asked once.
 */
import { startSts } from '../servers/sts.js';
import { randomInt } from 'node:crypto';
import { rmSync } from 'node:fs';
import { startImds, type ImdsOptions, type ImdsServer } from '../servers/imds.js';
import { startContainer } from '../servers/container.js';
import type { World } from '../../src/sdk/models/world.js';
import { KEYS, SECRET, SECRET2, TOKEN2, materialize, type SetUp } from './world.js';
import { runOracle, type OracleSdk } from './run.js';
import type { OracleReport } from './types.js';

export interface MatrixRun {
  setups: SetUp[];
  worlds: World[];
  reports: OracleReport[];
  /** Requests the servers saw (to show every oracle really talked to them). */
  seen: { sts: number; imds: number; container: number };
}

async function startImdsOn80(opts: ImdsOptions): Promise<ImdsServer> {
  const host = `127.${1 + randomInt(250)}.${randomInt(250)}.${1 + randomInt(250)}`;
  try {
    return await startImds({ ...opts, host, port: 80 });
  } catch {
    return startImds({ ...opts, host });
  }
}

export async function runMatrix(setups: SetUp[], sdks: OracleSdk[]): Promise<MatrixRun> {
  const account = '123456789012';
  const sts = await startSts({ identities: [
    { accessKeyId: KEYS.base, secretAccessKey: SECRET, arn: `arn:aws:iam::${account}:user/base`, account, userId: 'AIDABASEUSER00000001' },
    { accessKeyId: 'AKIAENVORACLE0000001', secretAccessKey: SECRET, arn: `arn:aws:iam::${account}:user/env`, account, userId: 'AIDAENVUSER000000001' },
    { accessKeyId: KEYS.procSource, secretAccessKey: SECRET2, sessionToken: TOKEN2, arn: `arn:aws:sts::${account}:assumed-role/src/proc`, account, userId: 'AROASRCROLE000000001:proc' },
    { accessKeyId: KEYS.imds, secretAccessKey: SECRET2, sessionToken: TOKEN2, arn: `arn:aws:sts::${account}:assumed-role/ec2/i-0`, account, userId: 'AROAEC2ROLE000000001:i-0' },
  ] });
  const imdsCreds = { accessKeyId: KEYS.imds, secretAccessKey: SECRET2, token: TOKEN2, expiration: new Date('2099-01-01T00:00:00Z') };
  // Port 80 on a random 127/8 address where we may bind it (root): Ruby 3.168 connects to port 80
  // whatever AWS_EC2_METADATA_SERVICE_ENDPOINT says. Elsewhere any port; the Ruby model knows.
  const imdsRole = await startImdsOn80({ mode: 'v2', credentials: imdsCreds });
  const imdsNone = await startImdsOn80({ mode: 'no-role' });
  const container = await startContainer({ credentials: { accessKeyId: KEYS.container, secretAccessKey: SECRET2, token: TOKEN2, expiration: new Date('2099-01-01T00:00:00Z') } });
  const homes: string[] = [];
  try {
    const servers = { sts: sts.url, imdsRole: imdsRole.url.replace(/:80$/, ''), imdsNone: imdsNone.url.replace(/:80$/, ''), container: container.fullUri };
    const laid = setups.map((s) => materialize(s, servers));
    homes.push(...laid.map((l) => l.world.home));
    const cases = laid.map((l) => l.oracle);
    const reports = await Promise.all(sdks.map((sdk) => runOracle(sdk, cases, sts.url)));
    return {
      setups, worlds: laid.map((l) => l.world), reports,
      seen: { sts: sts.requests.length, imds: imdsRole.requests.length + imdsNone.requests.length, container: container.requests.length },
    };
  } finally {
    await Promise.all([sts.close(), imdsRole.close(), imdsNone.close(), container.close()]);
    for (const h of homes) rmSync(h, { recursive: true, force: true });
  }
}
