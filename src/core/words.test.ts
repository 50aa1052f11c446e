import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countWords, splitPieces } from './words.js';

test('word counts agree with match(/\\S+/g) and split(/\\s+/) on ordinary and edge texts', () => {
  for (const text of ['', ' ', 'one', ' one ', 'two words', 'tabs\tand\nlines\u00a0nbsp', '  lead and trail  ', 'x'.repeat(1000)]) {
    assert.equal(countWords(text), text.match(/\S+/g)?.length ?? 0, JSON.stringify(text));
    assert.equal(splitPieces(text), text.split(/\s+/).length, JSON.stringify(text));
  }
});

test('counting the words of a 30 MB text keeps no array of its words', () => {
  const text = 'The council met on Tuesday. '.repeat(1_100_000);
  const before = process.memoryUsage().heapUsed;
  assert.equal(countWords(text), 5 * 1_100_000);
  assert.equal(splitPieces(text), 5 * 1_100_000 + 1);
  // An array of 5.5 million words would be hundreds of MB; counting keeps at most garbage the young generation takes.
  assert.ok(process.memoryUsage().heapUsed - before < 100 * 2 ** 20);
});
