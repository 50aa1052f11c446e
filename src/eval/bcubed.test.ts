import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterScores } from './bcubed.js';

test('B-cubed: perfect clustering scores 1, singletons have recall below 1, one big cluster has precision below 1', () => {
  const gold = ['a', 'a', 'b', 'b', 'b'];
  assert.deepEqual(clusterScores(gold, ['x', 'x', 'y', 'y', 'y']), { precision: 1, recall: 1, f1: 1, falseMergeRate: 0, mergedPairs: 4, falseMergePairs: 0, splitPairs: 0, goldPairs: 4 });
  const single = clusterScores(gold, ['1', '2', '3', '4', '5']);
  assert.equal(single.precision, 1);
  assert.ok(Math.abs(single.recall - (2 * 0.5 + 3 / 3) / 5) < 1e-9);
  assert.equal(single.mergedPairs, 0);
  const one = clusterScores(gold, ['z', 'z', 'z', 'z', 'z']);
  assert.equal(one.recall, 1);
  assert.ok(Math.abs(one.precision - (2 * 0.4 + 3 * 0.6) / 5) < 1e-9);
  assert.ok(Math.abs(one.falseMergeRate - 6 / 10) < 1e-9);
});
