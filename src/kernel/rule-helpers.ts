import type { Facts } from './facts.js';
import { okValue } from './probe.js';
import type { FileFacts, IniFileFacts, ProfileFacts } from '../areas/files/facts.js';
import type { EntryLine, SectionLine } from '../areas/files/scan.js';

/** Shared look-ups for rules; pure functions of facts only. */
export function fileFacts(facts: Facts): FileFacts | undefined {
  return okValue(facts.files);
}

export function iniFiles(facts: Facts): IniFileFacts[] {
  const f = fileFacts(facts);
  return f ? [f.credentials, f.config] : [];
}

export function sectionLines(file: IniFileFacts): SectionLine[] {
  return file.lines.filter((l): l is SectionLine => l.type === 'section');
}

export function entryLines(file: IniFileFacts): EntryLine[] {
  return file.lines.filter((l): l is EntryLine => l.type === 'entry');
}

export function fileLabel(file: IniFileFacts): string {
  return file.kind === 'credentials' ? 'credentials file' : 'config file';
}

export function profilesOf(facts: Facts): ProfileFacts[] {
  return fileFacts(facts)?.profiles ?? [];
}

/** file/line of where a profile sets a key, for findings. */
export function whereKey(p: ProfileFacts, key: string): { file?: string; line?: number } {
  const at = p.keyLines[key];
  return at ? { file: at.file, ...(at.line !== undefined ? { line: at.line } : {}) } : {};
}

/** Where to edit a profile: credentials for secrets, else the file that defines it. */
export function sectionHeader(name: string, file: 'credentials' | 'config'): string {
  return file === 'config' && name !== 'default' ? `[profile ${name}]` : `[${name}]`;
}

/** Human list of names, e.g. "default, dev, prod" or "(none)". */
export function listNames(names: string[]): string {
  return names.length === 0 ? '(none)' : names.join(', ');
}
