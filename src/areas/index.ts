import type { AreaDefinition, AreaKey } from '../kernel/area.js';
import type { AreaEntry } from '../kernel/area-entry.js';
import { chainEntry } from './chain/entry.js';
import { clockEntry } from './clock/entry.js';
import { filesEntry } from './files/entry.js';
import { identityEntry } from './identity/entry.js';
import { imdsEntry } from './imds/entry.js';
import { processesEntry } from './processes/entry.js';

/**
 * Every area, in the order doctor's summary (and --help, for their commands) lists them. A new area:
 * its folder (entry.ts, area.ts, …) and one line here. Entries are light: definitions load on use.
 */
export const AREA_ENTRIES: readonly AreaEntry[] = [filesEntry, chainEntry, identityEntry, clockEntry, imdsEntry, processesEntry];

/** The definitions of the given areas (default: all), in that order. */
export function loadAreas(keys: readonly AreaKey[] = AREA_ENTRIES.map((e) => e.key)): Promise<AreaDefinition[]> {
  return Promise.all(keys.map((k) => AREA_ENTRIES.find((e) => e.key === k)!.load()));
}
