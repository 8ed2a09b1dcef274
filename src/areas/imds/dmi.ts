import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DmiHint } from './facts.js';

async function read(root: string, rel: string): Promise<string | undefined> {
  try {
    return (await readFile(join(root, rel), 'utf8')).trim();
  } catch {
    return undefined;
  }
}

/**
 * Cheap local hint, no network: Nitro instances report sys_vendor "Amazon EC2" and an instance id
 * as board_asset_tag; Xen instances have a hypervisor uuid starting "ec2" and "amazon" in the BIOS
 * version. Any other readable vendor means "not EC2". The root is overridable for tests only.
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
