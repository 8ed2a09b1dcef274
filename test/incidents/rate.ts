/**
 * Prints the right-first rate over the incident corpus, one line per incident, with the reasons
 * for each miss: `node dist/test/incidents/rate.js [--verbose] [id…]`.
 */
import { CORPUS } from './corpus.js';
import { playCorpus, rateLine } from './run.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const ids = args.filter((a) => !a.startsWith('--'));
const chosen = ids.length ? CORPUS.filter((i) => ids.includes(i.id)) : CORPUS;
const started = performance.now();
const verdicts = await playCorpus(chosen);
for (const v of verdicts) {
  console.log(`${v.rightFirst ? 'RIGHT' : 'WRONG'} ${v.id.padEnd(32)} first=${v.firstSeen.padEnd(6)} ${v.ms} ms`);
  for (const p of v.problems) console.log(`      - ${p}`);
  if (verbose && !v.rightFirst) console.log(v.output.replace(/^/gm, '      | '));
}
console.log(`${rateLine(verdicts)} in ${Math.round((performance.now() - started) / 1000)} s`);
