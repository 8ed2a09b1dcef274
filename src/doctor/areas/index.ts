import type { AreaPlugin } from '../plugin.js';
import { filesPlugin } from './files.js';
import { processesPlugin } from './processes.js';
import { identityPlugin } from './identity.js';

/** The areas doctor runs, in the order its summary lists them. */
export const PLUGINS: AreaPlugin[] = [filesPlugin, identityPlugin, processesPlugin];
