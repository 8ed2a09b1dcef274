import type { AreaDefinition } from '../kernel/area.js';
import { chainArea } from './chain/area.js';
import { clockArea } from './clock/area.js';
import { filesArea } from './files/area.js';
import { identityArea } from './identity/area.js';
import { imdsArea } from './imds/area.js';
import { processesArea } from './processes/area.js';

/** Every area, in the order doctor's summary lists them. A new area: its folder and one line here. */
export const AREAS: readonly AreaDefinition[] = [filesArea, chainArea, identityArea, clockArea, imdsArea, processesArea];
