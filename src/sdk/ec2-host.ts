import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

async function read(root: string, rel: string): Promise<string | undefined> {
  try {
    return (await readFile(join(root, rel), 'utf8')).trim();
  } catch {
    return undefined;
  }
}

/** What the host's DMI/hypervisor strings say about running on EC2. */
export interface DmiHint {
  verdict: 'ec2' | 'not-ec2' | 'unknown';
  evidence: string;
  root: string;
}

/**
 * EC2 host detection, the one place for it (clock picks Amazon Time Sync with it, imds explains
 * an unreachable endpoint with it). Cheap local hint, no network: Nitro instances report sys_vendor "Amazon EC2" and an instance id
 * as board_asset_tag; Xen instances have a hypervisor uuid starting "ec2" and "amazon" in the BIOS
 * version. Any other readable vendor means "not EC2". CREDCHECK_SYSFS_ROOT (tests only) replaces the filesystem root `/`: the files read are
 * <root>/sys/class/dmi/id/* and <root>/sys/hypervisor/uuid.
 */
export async function dmiHint(env: NodeJS.ProcessEnv = process.env): Promise<DmiHint> {
  const root = env.CREDCHECK_SYSFS_ROOT || '/';
  const [vendor, product, asset, biosVersion, uuid] = await Promise.all([
    read(root, 'sys/class/dmi/id/sys_vendor'),
    read(root, 'sys/class/dmi/id/product_name'),
    read(root, 'sys/class/dmi/id/board_asset_tag'),
    read(root, 'sys/class/dmi/id/bios_version'),
    read(root, 'sys/hypervisor/uuid'),
  ]);
  if (vendor && /amazon/i.test(vendor)) return { verdict: 'ec2', evidence: `sys_vendor "${vendor}"${asset?.startsWith('i-') ? `, board_asset_tag ${asset}` : ''}`, root };
  if (asset && /^i-[0-9a-f]{8,17}$/.test(asset)) return { verdict: 'ec2', evidence: `board_asset_tag ${asset}`, root };
  if (uuid && /^ec2/i.test(uuid)) return { verdict: 'ec2', evidence: `hypervisor uuid starts with "ec2"`, root };
  if (biosVersion && /amazon/i.test(biosVersion)) return { verdict: 'ec2', evidence: `bios_version "${biosVersion}"`, root };
  if (vendor) return { verdict: 'not-ec2', evidence: `sys_vendor "${vendor}"${product ? `, product_name "${product}"` : ''}`, root };
  return { verdict: 'unknown', evidence: 'no readable DMI or hypervisor data', root };
}

/** True only on a positive EC2 verdict: "unknown" counts as not EC2. */
export async function looksLikeEc2(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  return (await dmiHint(env)).verdict === 'ec2';
}
