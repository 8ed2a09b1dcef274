import { readAt } from './bounded.js';

/**
 * Just enough ELF to find two Go sections in an executable of any size: the header, the section
 * headers and the section-name table are read (each capped), then only the wanted section.
 */
export interface ElfSection {
  name: string;
  addr: bigint;
  offset: number;
  size: number;
}

export interface ElfInfo {
  is64: boolean;
  littleEndian: boolean;
  sections: ElfSection[];
}

const MAX_SECTION_HEADERS = 256 * 1024;
const MAX_SHSTRTAB = 64 * 1024;

export async function readElf(path: string): Promise<ElfInfo | undefined> {
  const head = await readAt(path, 0, 64, 64);
  if (!head || head.length < 52 || head.readUInt32BE(0) !== 0x7f454c46) return undefined;
  const is64 = head[4] === 2;
  const littleEndian = head[5] === 1;
  if (is64 && head.length < 64) return undefined;
  const u16 = (b: Buffer, o: number) => (littleEndian ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (b: Buffer, o: number) => (littleEndian ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const u64 = (b: Buffer, o: number) => (littleEndian ? b.readBigUInt64LE(o) : b.readBigUInt64BE(o));
  const shoff = is64 ? Number(u64(head, 0x28)) : u32(head, 0x20);
  const shentsize = u16(head, is64 ? 0x3a : 0x2e);
  const shnum = u16(head, is64 ? 0x3c : 0x30);
  const shstrndx = u16(head, is64 ? 0x3e : 0x32);
  if (!shoff || !shnum || shentsize < (is64 ? 64 : 40) || shstrndx >= shnum) return undefined;
  const table = await readAt(path, shoff, shnum * shentsize, MAX_SECTION_HEADERS);
  if (!table || table.length < shnum * shentsize) return undefined;
  const raw = [];
  for (let i = 0; i < shnum; i++) {
    const o = i * shentsize;
    raw.push(is64
      ? { name: u32(table, o), addr: u64(table, o + 0x10), offset: Number(u64(table, o + 0x18)), size: Number(u64(table, o + 0x20)) }
      : { name: u32(table, o), addr: BigInt(u32(table, o + 0x0c)), offset: u32(table, o + 0x10), size: u32(table, o + 0x14) });
  }
  const strtab = raw[shstrndx]!;
  const names = await readAt(path, strtab.offset, strtab.size, MAX_SHSTRTAB);
  if (!names) return undefined;
  const sections = raw.map((s) => {
    const end = names.indexOf(0, s.name);
    return { name: names.toString('latin1', s.name, end < 0 ? names.length : end), addr: s.addr, offset: s.offset, size: s.size };
  });
  return { is64, littleEndian, sections };
}

export function section(elf: ElfInfo, name: string): ElfSection | undefined {
  return elf.sections.find((s) => s.name === name);
}

/** File offset of a virtual address, through the section that holds it. */
export function offsetOf(elf: ElfInfo, addr: bigint): number | undefined {
  for (const s of elf.sections) {
    if (s.addr !== 0n && addr >= s.addr && addr < s.addr + BigInt(s.size)) return s.offset + Number(addr - s.addr);
  }
  return undefined;
}
