import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extendClusters, newsTokens } from './cluster-extend.js';

test('newsTokens keeps hyphenated names whole and splits possessives', () => {
  assert.deepEqual(newsTokens("Zelenskyy's COVID-19 plan, U.S. aid"), ['zelenskyy', "'s", 'covid-19', 'plan', ',', 'u.s.', 'aid']);
});

test('extendClusters gives a new word the cluster of the words that share its contexts', () => {
  // Two clusters: people (said-contexts) and places (in-contexts); levels: coarse, mid, base, fine.
  const table = new Map<string, number[]>([
    ['putin', [0, 0, 0, 0]],
    ['biden', [0, 0, 0, 1]],
    ['kyiv', [1, 1, 1, 2]],
    ['paris', [1, 1, 1, 3]],
  ]);
  const docs = (): string[][] => [
    ...Array.from({ length: 5 }, () => ['yesterday', 'putin', 'said', 'that', 'troops', 'arrived', 'in', 'kyiv', 'on', 'monday']),
    ...Array.from({ length: 5 }, () => ['yesterday', 'biden', 'said', 'that', 'talks', 'started', 'in', 'paris', 'on', 'friday']),
    ...Array.from({ length: 5 }, () => ['yesterday', 'zelenskyy', 'said', 'that', 'aid', 'came', 'in', 'bakhmut', 'on', 'sunday']),
  ];
  const added = extendClusters(table, docs, { minCount: 3, contexts: 50, minSimilarity: 0 });
  assert.deepEqual(added.get('zelenskyy')?.slice(0, 3), [0, 0, 0]);
  assert.deepEqual(added.get('bakhmut')?.slice(0, 3), [1, 1, 1]);
  assert.equal(added.has('putin'), false);
});
