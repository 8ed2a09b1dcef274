import type { AreaEntry } from '../../kernel/area-entry.js';

/** The processes area: doctor only (--pid, --processes), no command of its own. */
export const processesEntry: AreaEntry = {
  key: 'processes',
  load: async () => (await import('./area.js')).processesArea,
};
