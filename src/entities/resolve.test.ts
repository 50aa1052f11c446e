import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containsKey, endsWithKeyOf } from './resolve.js';

test('containsKey finds a key only as whole words, like a padded includes', () => {
  const padded = (full: string, part: string): boolean => full === part || ` ${full} `.includes(` ${part} `);
  const cases: Array<[string, string]> = [
    ['dmitry peskov', 'peskov'],
    ['dmitry peskov', 'dmitry'],
    ['dmitry peskov', 'eskov'],
    ['dmitry peskov', 'dmitry p'],
    ['al hayya', 'al hayya'],
    ['khalil al hayya', 'al hayya'],
    ['ana ana', 'ana'],
    ['banana ana', 'ana'],
    ['anab ana', 'ana'],
    ['anab', 'ana'],
    ['x', ''],
    ['a  b', ''],
    ['', 'a'],
  ];
  for (const [full, part] of cases) assert.equal(containsKey(full, part), padded(full, part), `${full} / ${part}`);
});

test('endsWithKeyOf: a key ends with another key after a space', () => {
  const keys = new Set(['al hayya', 'peskov']);
  assert.equal(endsWithKeyOf('khalil al hayya', keys), true);
  assert.equal(endsWithKeyOf('dmitry peskov', keys), true);
  assert.equal(endsWithKeyOf('peskov', keys), false);
  assert.equal(endsWithKeyOf('al hayya', keys), false);
  assert.equal(endsWithKeyOf('khalil alhayya', keys), false);
  assert.equal(endsWithKeyOf('dmitry peskova', keys), false);
});
