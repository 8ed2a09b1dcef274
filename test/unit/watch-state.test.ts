import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expiryState, intervalStats, isStalled } from '../../src/commands/watch/state.js';
import { renderPrometheus } from '../../src/render/prometheus.js';
import { toText } from '../../src/commands/watch/events.js';

test('intervalStats: min/median/max, even and odd counts, empty', () => {
  assert.equal(intervalStats([]), null);
  assert.deepEqual(intervalStats([3, 1, 2]), { min: 1, median: 2, max: 3 });
  assert.deepEqual(intervalStats([4, 1, 2, 3]), { min: 1, median: 3, max: 4 });
});

test('expiryState honours --warn-before and the boundary', () => {
  assert.equal(expiryState(undefined, 0, 10), 'ok');
  assert.equal(expiryState(100, 50, 10), 'ok');
  assert.equal(expiryState(100, 95, 10), 'expiring');
  assert.equal(expiryState(100, 100, 10), 'expired');
});

test('isStalled: expiry passed, or cadence × 1.5 with at least two intervals', () => {
  assert.equal(isStalled(undefined, [], 100, 100), true);
  assert.equal(isStalled(0, [1000], undefined, 5000), false);
  assert.equal(isStalled(0, [1000, 1000], undefined, 1400), false);
  assert.equal(isStalled(0, [1000, 1000], undefined, 1600), true);
});

test('renderPrometheus leaves unknown values out and escapes labels', () => {
  const text = renderPrometheus({ sources: [{ labels: { source: 'file', profile: 'a"b' }, rotationsTotal: 2 }] });
  assert.match(text, /credcheck_rotations_total\{source="file",profile="a\\"b"\} 2\n$/);
  assert.doesNotMatch(text, /expiry_seconds|validation_ok|clock_offset|build_info/);
  const full = renderPrometheus({
    sources: [{ labels: { source: 'imds', name: 'r' }, rotationsTotal: 0, validationOk: false, up: true }],
    clockOffsetSeconds: -1.5, staleProcesses: [{ labels: { process: 'ruby' }, count: 2 }], version: '1.2.3', heartbeatSeconds: 10,
  });
  assert.match(full, /^credcheck_validation_ok\{source="imds",name="r"\} 0$/m);
  assert.match(full, /^credcheck_source_up\{source="imds",name="r"\} 1$/m);
  assert.match(full, /^credcheck_clock_offset_seconds -1.5$/m);
  assert.match(full, /^credcheck_stale_processes\{process="ruby"\} 2$/m);
  assert.match(full, /^credcheck_build_info\{version="1.2.3"\} 1$/m);
  assert.equal((full.match(/# TYPE credcheck_validation_ok /g) ?? []).length, 1);
});

test('toText reads as a sentence', () => {
  const line = toText({ event: 'rotated', time: 'T', source: 'file:/x', oldKeyId: 'ASIA…0001', keyId: 'ASIA…0002', intervalMs: 90_000 });
  assert.equal(line, 'T rotated ASIA…0001 → ASIA…0002 after 1m30s');
});
