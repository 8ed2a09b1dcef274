import { runCli } from '../helpers/cli.js';
import { assertNoSecrets } from '../helpers/home.js';
import type { Incident } from './incident.js';
import { firstActionable, readFindings } from './report.js';
import { World } from './world.js';

export interface Verdict {
  id: string;
  title: string;
  /** The first actionable finding is the expected cause, with a fix that helps and no wrong advice. */
  rightFirst: boolean;
  problems: string[];
  firstSeen: string;
  ms: number;
  output: string;
}

/** Whitespace-normalised, so a phrase wrapped across lines still matches. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * The corpus judges the diagnosis, not the speed (that is `npm run bench`): on a loaded machine
 * doctor's 3 s default would leave areas unchecked, so it gets room unless the incident is about
 * the deadline itself.
 */
function withRoom(args: string[]): string[] {
  return args[0] === 'doctor' && !args.includes('--timeout') ? [...args, '--timeout', '10s'] : args;
}

export async function playIncident(incident: Incident): Promise<Verdict> {
  const started = performance.now();
  const world = new World(incident.id);
  const problems: string[] = [];
  let output = '';
  let firstSeen = '(not run)';
  try {
    const staged = await incident.stage(world);
    const r = await runCli(withRoom(staged.args), { ...world.env, ...staged.env }, 40_000);
    output = `${r.stdout}${r.stderr ? `\n[stderr]\n${r.stderr}` : ''}\n[exit ${r.code}]`;
    try {
      assertNoSecrets(output);
    } catch (error) {
      problems.push((error as Error).message);
    }
    const first = firstActionable(readFindings(r.stdout));
    firstSeen = first?.code ?? 'none';
    const e = incident.expect;
    if (firstSeen !== e.first) problems.push(`first finding is ${firstSeen}, expected ${e.first}`);
    if (first && e.first !== 'none') {
      if (e.cause && !e.cause.test(flat(`${first.title} ${first.message}`))) problems.push(`first finding's cause does not match ${e.cause}: ${first.title} — ${first.message}`);
      if (e.fix && !e.fix.test(flat(first.fix))) problems.push(`first finding's fix does not match ${e.fix}: ${first.fix}`);
    }
    const all = flat(output);
    for (const bad of e.forbid ?? []) {
      const m = bad.exec(all);
      if (m) problems.push(`wrong advice in the report: "${m[0]}" (${bad})`);
    }
    for (const need of e.require ?? []) if (!need.test(all)) problems.push(`the report lacks ${need}`);
    if (e.exit !== undefined && !(e.exit === 'nonzero' ? r.code !== 0 : r.code === e.exit)) problems.push(`exit code ${r.code}, expected ${e.exit}`);
    problems.push(...(staged.after?.() ?? []));
  } catch (error) {
    problems.push(`could not play the incident: ${(error as Error).message}`);
  } finally {
    await world.close();
  }
  return { id: incident.id, title: incident.title, rightFirst: problems.length === 0, problems, firstSeen, ms: Math.round(performance.now() - started), output };
}

/** Plays every incident, a few at a time (each spawns credcheck and its servers). */
export async function playCorpus(incidents: Incident[], concurrency = 3): Promise<Verdict[]> {
  const verdicts: Verdict[] = new Array(incidents.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, incidents.length) }, async () => {
      while (next < incidents.length) {
        const i = next++;
        verdicts[i] = await playIncident(incidents[i]!);
      }
    }),
  );
  return verdicts;
}

export function rateLine(verdicts: Verdict[]): string {
  const right = verdicts.filter((v) => v.rightFirst).length;
  return `right-first rate: ${right}/${verdicts.length} (${Math.round((100 * right) / verdicts.length)}%)`;
}
