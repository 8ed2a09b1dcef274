import { readAt } from './bounded.js';
import { offsetOf, readElf, section, type ElfInfo } from './elf.js';

/**
 * The build information a Go linker embeds in `.go.buildinfo` (what `go version -m` prints), parsed
 * as Go's debug/buildinfo does: a 16-byte header "\xff Go buildinf:" + pointer size + flags, then
 * either two varint-prefixed strings (Go ≥ 1.18) or two pointers to string headers (older).
 */
export interface GoModule {
  path: string;
  version: string;
  /** A `=>` replacement: local directory or another module. */
  replacedBy?: string;
}

export interface GoBuildInfo {
  goVersion: string;
  mainPath?: string;
  modules: GoModule[];
  /** `build` settings that matter here (e.g. GO111MODULE=off shows as no modules at all). */
  settings: Record<string, string>;
}

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const MAX_BUILDINFO = 1024 * 1024;
const MAX_STRING = 1024 * 1024;

function varint(buf: Buffer, at: number): [number, number] | undefined {
  let value = 0;
  let shift = 0;
  for (let i = at; i < buf.length && i < at + 10; i++) {
    const b = buf[i]!;
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [value, i + 1];
    shift += 7;
  }
  return undefined;
}

async function pointedString(path: string, elf: ElfInfo, addr: bigint, ptrSize: number, le: boolean): Promise<string | undefined> {
  const at = offsetOf(elf, addr);
  if (at === undefined) return undefined;
  const hdr = await readAt(path, at, ptrSize * 2, 16);
  if (!hdr || hdr.length < ptrSize * 2) return undefined;
  const word = (o: number) => (ptrSize === 8 ? (le ? hdr.readBigUInt64LE(o) : hdr.readBigUInt64BE(o)) : BigInt(le ? hdr.readUInt32LE(o) : hdr.readUInt32BE(o)));
  const dataAt = offsetOf(elf, word(0));
  const len = Number(word(ptrSize));
  if (dataAt === undefined || len > MAX_STRING) return undefined;
  return (await readAt(path, dataAt, len, MAX_STRING))?.toString('utf8');
}

/** The module list text between its 16-byte sentinels, split into modules and settings. */
export function parseModInfo(goVersion: string, mod: string): GoBuildInfo {
  const text = mod.length >= 33 && mod[mod.length - 17] === '\n' ? mod.slice(16, -16) : mod;
  const info: GoBuildInfo = { goVersion, modules: [], settings: {} };
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    if (f[0] === 'path') info.mainPath = f[1];
    else if (f[0] === 'dep' && f[1]) info.modules.push({ path: f[1], version: f[2] ?? '' });
    else if (f[0] === '=>' && info.modules.length > 0) info.modules[info.modules.length - 1]!.replacedBy = `${f[1] ?? ''}${f[2] ? ` ${f[2]}` : ''}`;
    else if (f[0] === 'build' && f[1]) {
      const eq = f[1].indexOf('=');
      if (eq > 0) info.settings[f[1].slice(0, eq)] = f[1].slice(eq + 1);
    }
  }
  return info;
}

export async function readGoBuildInfo(path: string, elf?: ElfInfo): Promise<GoBuildInfo | undefined> {
  elf ??= await readElf(path);
  const sec = elf && section(elf, '.go.buildinfo');
  if (!elf || !sec) return undefined;
  const data = await readAt(path, sec.offset, sec.size, MAX_BUILDINFO);
  if (!data) return undefined;
  const start = data.indexOf(MAGIC);
  if (start < 0 || data.length < start + 32) return undefined;
  const ptrSize = data[start + 14]!;
  const flags = data[start + 15]!;
  const le = (flags & 1) === 0;
  if (flags & 2) {
    const v = varint(data, start + 32);
    if (!v) return undefined;
    const goVersion = data.toString('utf8', v[1], v[1] + v[0]);
    const m = varint(data, v[1] + v[0]);
    if (!m) return undefined;
    return parseModInfo(goVersion, data.toString('utf8', m[1], m[1] + m[0]));
  }
  if (ptrSize !== 4 && ptrSize !== 8) return undefined;
  const ptr = (o: number) => (ptrSize === 8 ? (le ? data.readBigUInt64LE(o) : data.readBigUInt64BE(o)) : BigInt(le ? data.readUInt32LE(o) : data.readUInt32BE(o)));
  const goVersion = await pointedString(path, elf, ptr(start + 16), ptrSize, le);
  const mod = await pointedString(path, elf, ptr(start + 16 + ptrSize), ptrSize, le);
  return goVersion === undefined ? undefined : parseModInfo(goVersion, mod ?? '');
}

const MAX_PCLNTAB = 64 * 1024 * 1024;

/**
 * For GOPATH builds (no module list): the source file names in `.gopclntab` show which SDK was
 * compiled in and from where, e.g. /usr/share/gocode/src/github.com/aws/aws-sdk-go-v2/aws/….go.
 * Returns the first file name under `needle`, read within a cap.
 */
export async function findSourcePath(path: string, needle: string, elf?: ElfInfo): Promise<string | undefined> {
  elf ??= await readElf(path);
  const sec = elf && section(elf, '.gopclntab');
  if (!sec) return undefined;
  const data = await readAt(path, sec.offset, sec.size, MAX_PCLNTAB);
  if (!data) return undefined;
  const at = data.indexOf(needle, 0, 'latin1');
  if (at < 0) return undefined;
  let s = at;
  while (s > 0 && data[s - 1] !== 0 && at - s < 4096) s--;
  let e = at;
  while (e < data.length && data[e] !== 0 && e - at < 4096) e++;
  return data.toString('utf8', s, e);
}
