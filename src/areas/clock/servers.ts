import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseServer, type NtpServer } from './ntp.js';

export const AMAZON_TIME_SYNC = '169.254.169.123';
export const AWS_PUBLIC_NTP = 'time.aws.com';
export const PUBLIC_POOL = 'pool.ntp.org';

/**
 * A cheap, no-network EC2 hint: the DMI strings the hypervisor exposes. Nitro shows
 * sys_vendor "Amazon EC2"; Xen instances show an "i-…" board_asset_tag or a bios_vendor/version
 * with "amazon". The root is overridable (CREDCHECK_SYSFS_ROOT) so tests never need a real EC2.
 */
export async function looksLikeEc2(env: NodeJS.ProcessEnv): Promise<boolean> {
  const root = env.CREDCHECK_SYSFS_ROOT || '/sys';
  const read = (f: string) => readFile(join(root, 'class', 'dmi', 'id', f), 'utf8').then((s) => s.trim(), () => '');
  const [vendor, tag, bios] = await Promise.all([read('sys_vendor'), read('board_asset_tag'), read('bios_version')]);
  return /amazon ec2/i.test(vendor) || /^i-[0-9a-f]{8,}$/.test(tag) || /amazon/i.test(bios);
}

/** --server wins, then CREDCHECK_NTP_SERVERS, then the defaults (Amazon Time Sync only on EC2). */
export function chooseServers(flag: string[] | undefined, env: NodeJS.ProcessEnv, onEc2: boolean): NtpServer[] {
  const list = flag && flag.length > 0
    ? flag
    : env.CREDCHECK_NTP_SERVERS !== undefined && env.CREDCHECK_NTP_SERVERS.trim() !== ''
      ? env.CREDCHECK_NTP_SERVERS.split(',').filter((s) => s.trim() !== '')
      : [...(onEc2 ? [AMAZON_TIME_SYNC] : []), AWS_PUBLIC_NTP, PUBLIC_POOL];
  return list.map(parseServer);
}

