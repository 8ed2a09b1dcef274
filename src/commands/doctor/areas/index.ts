import type { AreaPlugin } from '../plugin.js';
import { chainPlugin } from './chain.js';
import { clockPlugin } from './clock.js';
import { filesPlugin } from './files.js';
import { processesPlugin } from './processes.js';
import { identityPlugin } from './identity.js';
import { imdsPlugin } from './imds.js';

/** The areas doctor runs, in the order its summary lists them. */
export const PLUGINS: AreaPlugin[] = [filesPlugin, chainPlugin, identityPlugin, clockPlugin, imdsPlugin, processesPlugin];
