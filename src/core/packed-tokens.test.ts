import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Token } from './layers.js';
import { PackedTokens } from './packed-tokens.js';

const token = (start: number, pos: string, sentence: number, spaceBefore: boolean): Token => ({ start, end: start + 3, pos, sentence, spaceBefore });

test('packed tokens come back as the same objects, shifted, in order, with the segmenter\'s key order', () => {
  const packed = new PackedTokens();
  const window = [token(0, 'PROPN', 0, false), token(4, 'VERB', 0, true), token(9, 'PUNCT', 1, false)];
  // More than the first allocation, so the columns grow.
  for (let w = 0; w < 800; w++) for (const t of window) assert.equal(packed.push(t, w * 100, w * 2), true);
  const back = packed.tokens();
  assert.equal(back.length, 2400);
  assert.deepEqual(back.slice(3, 6), [token(100, 'PROPN', 2, false), token(104, 'VERB', 2, true), token(109, 'PUNCT', 3, false)]);
  assert.equal(JSON.stringify(back[2399]), JSON.stringify(token(79909, 'PUNCT', 1599, false)));
});

test('a token of another shape is not packed', () => {
  const packed = new PackedTokens();
  assert.equal(packed.push({ ...token(0, 'NOUN', 0, true), lemma: 'x' } as Token, 0, 0), false);
  assert.equal(packed.push({ pos: 'NOUN', start: 0, end: 3, sentence: 0, spaceBefore: true }, 0, 0), false, 'keys in another order');
  assert.equal(packed.push({ ...token(0, 'NOUN', 0, true), start: 0.5 }, 0, 0), false);
  assert.equal(packed.length, 0);
});
