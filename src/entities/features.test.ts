import { test } from 'node:test';
import { HashedClusters } from './model.js';
import assert from 'node:assert/strict';
import { hashString } from './hash.js';
import { NO_CLUSTER, longShape, shortShape, wordHashes } from './features.js';

test('word hashes read shapes and affixes as the string definitions do', () => {
  const h = (template: string, value: string): number => hashString(value, hashString(template));
  for (const form of ['Peskov', 'U.S.', '2-0', "O'Neil's", 'McDonald', 'İstanbul', 'Москва', 'ÉCOLE', 'x', '', 'abc123DEF-ghij']) {
    const wh = wordHashes(form, null);
    const lw = form.toLowerCase();
    assert.equal(wh.shape, h('sh', shortShape(form)), form);
    assert.equal(wh.lw, h('lw', lw), form);
    assert.deepEqual(wh.self.slice(0, 4), [h('w', form), h('lw', lw), h('sh', shortShape(form)), h('lsh', longShape(form))], form);
    const affixes: number[] = [];
    for (let k = 1; k <= 5 && k < lw.length; k++) {
      affixes.push(hashString(lw.slice(0, k), (hashString('pre') + k) >>> 0), hashString(lw.slice(lw.length - k), (hashString('suf') + k) >>> 0));
    }
    assert.deepEqual(wh.self.slice(4, 4 + affixes.length), affixes, form);
  }
  assert.equal(shortShape('McDonald2'), 'XxXxd');
  assert.equal(longShape('McDonald2'), 'XxXxxxxxd');
});

test('cluster levels marked NO_CLUSTER give no feature, and a word with digits falls back to its folded form', () => {
  const level = (k: number, id: number): number => hashString(String(id), (hashString('c1') + k) >>> 0);
  const none = hashString('none', hashString('c1'));
  const rows = new Map<string, number[]>([
    ['kyiv', [3, 7, 11, 40, 2, 9, 300]],
    ['zelenskyy', [NO_CLUSTER, NO_CLUSTER, NO_CLUSTER, NO_CLUSTER, 2, 9, 301]],
    ['covid-00', [NO_CLUSTER, NO_CLUSTER, NO_CLUSTER, NO_CLUSTER, 5, 17, 512]],
  ]);
  const table = Object.assign(rows, { foldDigits: true });
  const both = wordHashes('Kyiv', table).self;
  for (const [k, id] of [[0, 3], [3, 40], [4, 2], [6, 300]]) assert.ok(both.includes(level(k, id)), `Kyiv level ${k}`);
  assert.ok(!both.includes(none));
  const newsOnly = wordHashes('Zelenskyy', table);
  assert.ok(newsOnly.self.includes(level(4, 2)) && newsOnly.self.includes(level(6, 301)));
  assert.ok(!newsOnly.self.includes(level(0, NO_CLUSTER)), 'a missing level is no feature');
  assert.ok(newsOnly.self.includes(none), 'a word outside the first source still says so');
  assert.equal(newsOnly.cluster, newsOnly.lw, 'the bigram key falls back to the word when its base level is missing');
  assert.ok(wordHashes('COVID-19', table).self.includes(level(6, 512)), 'covid-19 is read as covid-00');
  assert.ok(!wordHashes('Kyiv2', table).self.includes(level(6, 300)), 'folding only replaces digits');
  const plain = new Map(rows);
  assert.ok(!wordHashes('COVID-19', plain).self.includes(level(6, 512)), 'a table without news levels does not fold (the shipped model)');
  assert.equal(HashedClusters.fromMap(rows).foldDigits, true);
  assert.equal(HashedClusters.fromMap(new Map([['kyiv', [3, 7, 11]]])).foldDigits, false);
});
