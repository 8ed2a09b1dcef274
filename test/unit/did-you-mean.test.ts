import { test } from 'node:test';
import assert from 'node:assert/strict';
import { didYouMean, distance } from '../../src/kernel/did-you-mean.js';

test('a swap, a missing or an extra letter is one edit', () => {
  assert.equal(distance('deplyo', 'deploy'), 1);
  assert.equal(distance('prd', 'prod'), 1);
  assert.equal(distance('staging', 'stagingg'), 1);
});

test('near misses get a suggestion; far or ambiguous names do not', () => {
  assert.equal(didYouMean('deplyo', ['default', 'deploy']), 'deploy');
  assert.equal(didYouMean('Prod', ['prod', 'dev']), 'prod');
  assert.equal(didYouMean('ghost', ['default', 'deploy']), undefined);
  assert.equal(didYouMean('dev1', ['dev2', 'dev3']), undefined, 'two equally close names: no guess');
  assert.equal(didYouMean('ab', ['xy']), undefined);
});
