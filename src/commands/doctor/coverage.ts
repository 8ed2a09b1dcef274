import type { Coverage } from '../../kernel/report.js';
import type { AreaLine } from './areas.js';

/**
 * Which areas ran. An area that could not finish (deadline, crash) is "not checked" and fails the
 * run; one left out by a flag the user gave (--offline) is "skipped on request"; one that does not
 * apply (Processes without --pid) is neither and is not counted.
 */
export function coverageOf(areas: AreaLine[], timeout: string): Coverage {
  const onRequest = (a: AreaLine) => a.state === 'skipped' && a.status.startsWith('--');
  const counted = areas.filter((a) => a.state !== 'skipped' || onRequest(a));
  return {
    total: counted.length,
    notChecked: areas
      .filter((a) => a.state === 'unknown' || (a.state === 'error' && a.status.startsWith('credcheck failed here')))
      .map((a) => ({ area: a.title, why: a.state === 'unknown' ? `not finished within --timeout ${timeout}` : a.status })),
    skippedOnRequest: areas.filter(onRequest).map((a) => ({ area: a.title, why: a.status })),
  };
}
