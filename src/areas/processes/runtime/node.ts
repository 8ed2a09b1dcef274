import { dirname, join } from 'node:path';
import { absolute, exeName, fileText, upwards, type ProcView, type SdkIdentity } from './view.js';

export function isNode(view: ProcView): boolean {
  return /^node(js)?$/.test(exeName(view));
}

const TAKES_VALUE = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '--env-file', '-C', '--conditions']);

function scriptPath(view: ProcView): string | undefined {
  for (let i = 1; i < view.argv.length; i++) {
    const a = view.argv[i]!;
    if (a === '-e' || a === '--eval' || a === '-p' || a === '--print') return undefined;
    if (TAKES_VALUE.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-')) continue;
    return absolute(view, a);
  }
  return undefined;
}

const PACKAGES: Array<{ name: string; sdk?: 'js-v3'; sdkName: string }> = [
  { name: '@aws-sdk/credential-provider-node', sdk: 'js-v3', sdkName: 'AWS SDK for JavaScript v3' },
  { name: '@aws-sdk/core', sdk: 'js-v3', sdkName: 'AWS SDK for JavaScript v3' },
  { name: 'aws-sdk', sdkName: 'AWS SDK for JavaScript v2' },
];

/** Node resolves packages from the script's directory upwards (then $NODE_PATH): so does this. */
export async function identifyNode(view: ProcView): Promise<SdkIdentity> {
  const id: SdkIdentity = { runtime: 'node', evidence: [], lookedAt: [] };
  const script = scriptPath(view);
  const start = script ? dirname(script) : view.cwd;
  const dirs = [
    ...(start ? upwards(start, 10).map((d) => join(d, 'node_modules')) : []),
    ...(view.env?.NODE_PATH ?? '').split(':').filter(Boolean),
  ];
  for (const dir of dirs) {
    for (const p of PACKAGES) {
      const pkg = join(dir, p.name, 'package.json');
      const text = await fileText(view, pkg, 256 * 1024);
      if (text === undefined) continue;
      let version: unknown;
      try {
        version = (JSON.parse(text) as { version?: unknown }).version;
      } catch {
        continue;
      }
      id.lookedAt.push(pkg);
      if (p.sdk) id.sdk = p.sdk;
      id.sdkName = p.sdkName;
      if (typeof version === 'string') id.sdkVersion = version;
      id.evidence.push(`${pkg} (${p.name}@${String(version)}), resolved from ${script ?? `the working directory ${view.cwd ?? '?'}`}`);
      return id;
    }
    id.lookedAt.push(join(dir, '@aws-sdk'));
  }
  return id;
}
