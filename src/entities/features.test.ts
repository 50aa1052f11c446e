import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashString } from './hash.js';
import { longShape, shortShape, wordHashes } from './features.js';

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
