import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trainLogistic } from './logistic.js';

const options = { minCount: 2, epochs: 20, rate: 0.2, l2: 1e-4, prune: 0.02, threshold: 0.5, weightDigits: 4 };

test('trainLogistic separates the classes, drops rare features and keeps the threshold', () => {
  const data = [
    ...Array.from({ length: 20 }, (_, i) => ({ features: ['shelled', 'troops', `pos${i}`], label: 1 as const })),
    ...Array.from({ length: 40 }, (_, i) => ({ features: ['match', 'goal', `neg${i}`], label: 0 as const })),
  ];
  const model = trainLogistic(data, options);
  assert.equal(model.threshold, 0.5);
  assert.ok(model.weights.shelled > 0 && model.weights.troops > 0);
  assert.ok(model.weights.match < 0 && model.weights.goal < 0);
  assert.equal(model.weights.pos3, undefined, 'a feature seen once is dropped');
  assert.deepEqual(trainLogistic(data, options), model, 'deterministic');
});

test('trainLogistic: a scale multiplies the summed weights of an example', () => {
  const data = [
    { features: ['a', 'b'], label: 1 as const },
    { features: ['a', 'b'], label: 1 as const },
    { features: ['c', 'd'], label: 0 as const },
    { features: ['c', 'd'], label: 0 as const },
  ];
  const plain = trainLogistic(data, options);
  const scaled = trainLogistic(data, { ...options, scale: () => 0.5 });
  assert.notDeepEqual(plain.weights, scaled.weights);
  assert.ok(scaled.weights.a > 0 && scaled.weights.c < 0);
});
