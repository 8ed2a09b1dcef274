import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CORPUS } from './corpus.js';
import { playCorpus, rateLine } from './run.js';

/**
 * The incident corpus: each realistic incident, staged on loopback servers and real processes,
 * must put the right cause first, with a fix that helps and no wrong advice anywhere.
 */
test('incident corpus: the first finding is the cause', async (t) => {
  assert.ok(CORPUS.length >= 30, `the corpus has ${CORPUS.length} incidents`);
  assert.equal(new Set(CORPUS.map((i) => i.id)).size, CORPUS.length, 'incident ids are unique');
  const verdicts = await playCorpus(CORPUS);
  t.diagnostic(rateLine(verdicts));
  for (const v of verdicts) {
    await t.test(`${v.id}: ${v.title}`, () => {
      assert.ok(v.rightFirst, `${v.problems.join('\n')}\n--- report ---\n${v.output}`);
    });
  }
});
