import type { Incident } from './incident.js';
import { clockIncidents } from './cases/clock.js';
import { deadlineIncidents } from './cases/deadline.js';
import { imdsIncidents } from './cases/imds.js';
import { networkIncidents } from './cases/network.js';
import { processIncidents } from './cases/processes.js';
import { profileIncidents } from './cases/profiles.js';

/** Every incident, grouped by where the cause lies. */
export const CORPUS: Incident[] = [...clockIncidents, ...networkIncidents, ...processIncidents, ...profileIncidents, ...deadlineIncidents, ...imdsIncidents];
