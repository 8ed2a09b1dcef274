import { readGoBuildInfo, findSourcePath, type GoBuildInfo } from './go-buildinfo.js';
import { readElf } from './elf.js';
import { fileText, type ProcView, type SdkIdentity } from './view.js';

const V2 = 'github.com/aws/aws-sdk-go-v2';
const V1 = 'github.com/aws/aws-sdk-go';

/** The SDK version a GOPATH build compiled in, from the source tree it names (if still there). */
async function gopathVersion(view: ProcView, file: string, id: SdkIdentity, mod: string, versionFile: string, pattern: RegExp): Promise<void> {
  const at = file.indexOf(`${mod}/`) >= 0 ? file.indexOf(`${mod}/`) : file.indexOf(`${mod}@`);
  const rootDir = file.slice(0, at + mod.length);
  const atVersion = /^@(v[^/]+)/.exec(file.slice(at + mod.length));
  id.evidence.push(`compiled from ${rootDir}${atVersion?.[0] ?? ''} (source file names in .gopclntab; a GOPATH build embeds no module versions)`);
  if (atVersion) {
    id.sdkVersion = atVersion[1];
    return;
  }
  const src = await fileText(view, `${rootDir}/${versionFile}`, 8 * 1024);
  id.lookedAt.push(`${rootDir}/${versionFile}`);
  const m = src && pattern.exec(src);
  if (m) {
    id.sdkVersion = m[1]!.startsWith('v') ? m[1] : `v${m[1]}`;
    id.evidence.push(`version from ${rootDir}/${versionFile} as it is on disk now`);
  }
}

export async function identifyGo(view: ProcView): Promise<SdkIdentity | undefined> {
  const exe = `${view.root}/${view.pid}/exe`;
  const elf = await readElf(exe);
  const info: GoBuildInfo | undefined = elf && (await readGoBuildInfo(exe, elf));
  if (!info) return undefined;
  const id: SdkIdentity = { runtime: 'go', runtimeVersion: info.goVersion, evidence: [], lookedAt: [`${view.exe ?? exe} (.go.buildinfo)`] };
  const v2 = info.modules.find((m) => m.path === V2);
  const v2config = info.modules.find((m) => m.path === `${V2}/config`);
  const v1 = info.modules.find((m) => m.path === V1);
  if (v2 || v2config) {
    id.sdk = 'go-v2';
    id.sdkName = 'AWS SDK for Go v2';
    id.sdkVersion = (v2 ?? v2config)!.version;
    id.evidence.push(`module ${V2} ${v2?.version ?? '(not listed)'}${v2config ? `, ${V2}/config ${v2config.version}` : ''} in the binary's build info`);
    if (v2?.replacedBy) id.evidence.push(`replaced by ${v2.replacedBy}`);
    return id;
  }
  if (v1) {
    id.sdkName = 'AWS SDK for Go v1';
    id.sdkVersion = v1.version;
    id.evidence.push(`module ${V1} ${v1.version} in the binary's build info`);
    return id;
  }
  if (info.modules.length > 0) {
    id.evidence.push(`${info.modules.length} modules in the build info, none of them an AWS SDK`);
    return id;
  }
  // GOPATH build: look for the SDK's source files in the line table.
  id.lookedAt.push(`${view.exe ?? exe} (.gopclntab file names)`);
  const v2file = await findSourcePath(exe, `/${V2}/`, elf);
  if (v2file) {
    id.sdk = 'go-v2';
    id.sdkName = 'AWS SDK for Go v2';
    await gopathVersion(view, v2file, id, V2, 'aws/go_module_metadata.go', /goModuleVersion\s*=\s*"([^"]+)"/);
    return id;
  }
  const v1file = await findSourcePath(exe, `/${V1}/`, elf);
  if (v1file) {
    id.sdkName = 'AWS SDK for Go v1';
    await gopathVersion(view, v1file, id, V1, 'aws/version.go', /SDKVersion\s*=\s*"([^"]+)"/);
  }
  return id;
}
