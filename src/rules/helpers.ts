import type { Facts } from '../core/facts.js';
import { okValue } from '../core/probe.js';
import type { FileFacts, IniFileFacts } from '../files/facts.js';
import type { EntryLine, SectionLine } from '../files/scan.js';

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
