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
export function dmiHint(env: NodeJS.ProcessEnv = process.env): Promise<DmiHint> {
  // Read once per run: chain, imds, clock and watch all ask, and doctor runs them together.
  const root = env.CREDCHECK_SYSFS_ROOT || '/';
  let byRoot = cache.get(env);
  if (!byRoot) cache.set(env, (byRoot = new Map()));
  let hint = byRoot.get(root);
  if (!hint) byRoot.set(root, (hint = readDmi(root)));
  return hint;
}

/** Per env object, then per root: a test that points CREDCHECK_SYSFS_ROOT elsewhere reads afresh. */
const cache = new WeakMap<NodeJS.ProcessEnv, Map<string, Promise<DmiHint>>>();

async function readDmi(root: string): Promise<DmiHint> {
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

/**
 * The one rule for the default link-local IMDS address (169.254.169.254 / [fd00:ec2::254]), used by
 * every area that could contact it: when DMI positively says "not EC2" it is never contacted unless
 * the user named the endpoint (--endpoint, --imds URL). Off EC2 that address can only time out —
 * or reach something that is not IMDS. Returns the reason naming the DMI evidence, or undefined when
 * the endpoint may be contacted. `requireEc2` (watch --all, which would poll forever) also refuses
 * an unknown verdict: only DMI saying EC2 lets it guess the default address.
 */
export function defaultImdsOffLimits(dmi: DmiHint, endpoint: { isDefault: boolean; explicit?: boolean }, opts: { requireEc2?: boolean } = {}): string | undefined {
  if (!endpoint.isDefault || endpoint.explicit) return undefined;
  if (dmi.verdict === 'not-ec2') return `not on EC2 per DMI (${dmi.evidence})`;
  if (opts.requireEc2 && dmi.verdict === 'unknown') return `not known to be on EC2 (${dmi.evidence})`;
  return undefined;
}
